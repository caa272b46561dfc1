// Key Vault (Azure RBAC) holding the app's secrets; app settings reference them, so no secret is an app setting value.

import { secretNames } from '../app-names.bicep'

param location string
param tags object
param keyVaultName string

@secure()
@description('SendGrid API key with the Mail Send scope.')
param sendGridApiKey string

@secure()
@description('SendGrid Event Webhook verification key (base64, as SendGrid shows it); no secret when empty.')
param sendGridWebhookPublicKey string

@secure()
@description('HMAC key for subscription links: base64 of at least 32 random bytes.')
param subscriptionTokenSecret string

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource apiKey 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.sendGridApiKey
  properties: {
    value: sendGridApiKey
  }
}

resource webhookKey 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(sendGridWebhookPublicKey)) {
  parent: vault
  name: secretNames.sendGridWebhookPublicKey
  properties: {
    value: sendGridWebhookPublicKey
  }
}

resource tokenSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.subscriptionTokenSecret
  properties: {
    value: subscriptionTokenSecret
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
