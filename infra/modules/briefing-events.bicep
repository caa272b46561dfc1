// The storage account's Event Grid system topic. Its subscription to the IngestBriefing webhook is deployed after the
// app has started (infra/briefing-subscription.bicep, run by the postdeploy hook): the webhook's key exists only then.

param location string
param tags object
param systemTopicName string
param storageAccountName string
param identityId string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  // The identity writes undeliverable events to the dead-letter container.
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
