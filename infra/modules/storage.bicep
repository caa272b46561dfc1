// The storage account: the app's data (briefings, reports, tables, the poison queue), the Functions host's own state
// and the deployment package. Shared keys are off: everything reaches it with Entra ID identities.

import { appContainers, appTables, appQueues, deploymentContainer, deadLetterContainer } from '../app-names.bicep'

param location string
param tags object
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    // A briefing overwritten or deleted by mistake can be brought back for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

var containerNames = [
  appContainers.BriefingsContainer
  appContainers.ReportsContainer
  appContainers.LocksContainer
  appContainers.SummariesContainer
  appContainers.SecretsContainer
  appContainers.DigestBatchesContainer
  deploymentContainer
  deadLetterContainer
]

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  for name in containerNames: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

// A digest batch blob holds the addresses of the subscribers it goes to. It is needed while the batch can still be sent
// or retried (its queue message lives 7 days, a poison message can be replayed after that), then it is deleted.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-old-digest-batches'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${appContainers.DigestBatchesContainer}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 30
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' = [
  for name in appTables: {
    parent: tableService
    name: name
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for name in appQueues: {
    parent: queueService
    name: name
  }
]

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
