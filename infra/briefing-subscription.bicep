// The Event Grid subscription that delivers blob-created events for uploaded briefings to the IngestBriefing blob
// trigger (the only blob trigger source on Flex Consumption). Deployed by the postdeploy hook once the app has started,
// because the webhook's key (blobs_extension) exists only then; the key is read here, inside Azure, never passed around.

import { briefingsContainer, ingestFunctionName, deadLetterContainer } from 'app-names.bicep'

@description('The Function App (AZURE_FUNCTION_APP_NAME).')
param functionAppName string

@description('The storage account\'s system topic (BRIEFINGS_SYSTEM_TOPIC_NAME).')
param systemTopicName string

@description('The storage account (AZURE_STORAGE_ACCOUNT_NAME), for dead-lettered events.')
param storageAccountName string

@description('The identity the topic dead-letters with (AZURE_USER_ASSIGNED_IDENTITY_ID).')
param identityId string

// The host's system keys, read at deployment time (the host key resource has no Bicep types, so listKeys() by id).
var blobsExtensionKey = listKeys('${app.id}/host/default', '2025-03-01').systemKeys.blobs_extension

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'ingest-briefings'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${ingestFunctionName}&code=${blobsExtensionKey}'
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${briefingsContainer}/blobs/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identityId
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainer
        }
      }
    }
  }
}
