// PccFunctions in Azure: a resource group holding the Function App (Flex Consumption), its storage, Key Vault,
// identity, monitoring and the Event Grid system topic for uploaded briefings. Deployed by `azd up` (see README).

targetScope = 'subscription'

import { briefingsContainer, ingestFunctionName } from 'app-names.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd env name); part of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource; one where Flex Consumption is offered.')
param location string

@description('Resource group name; rg-<environmentName> when empty.')
param resourceGroupName string = ''

@description('Object id of the operator running the deployment, who may then upload briefings (azd fills it in).')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Object id of the Entra ID group of editors: they may upload to the briefings container, nothing else; none when empty.')
param editorsGroupId string = ''

@description('Application (client) id of the app registration editors sign in with (its Editor app role opens the editor pages); sign-in is off when empty.')
param editorSignInClientId string = ''

@description('Tenant of that app registration; the subscription\'s tenant when empty.')
param editorSignInTenantId string = ''

@secure()
@description('SendGrid API key with the Mail Send scope.')
param sendGridApiKey string

@secure()
@description('SendGrid Event Webhook verification key (base64); without it every webhook post is refused.')
param sendGridWebhookPublicKey string = ''

@secure()
@description('HMAC key for subscription links: base64 of at least 32 random bytes (openssl rand -base64 32).')
param subscriptionTokenSecret string

@description('A sender address verified in SendGrid.')
param emailFromAddress string

param emailFromName string = 'Policing Innovation Digest'

@allowed([
  'SendGrid'
  'Smtp'
])
param emailTransport string = 'SendGrid'

@description('SendGrid validates every request but delivers nothing: for a trial deployment.')
param sendGridSandboxMode bool = false

@description('Editors who get the weekly summary, separated by commas; none when empty.')
param editors string = ''

@description('Public address of the app (a custom domain); the Function App\'s own host name when empty.')
param publicBaseUrl string = ''

@description('The operator\'s email address: alerts (poison messages, failed or held ingests, failed digest deliveries, dead-lettered events, SendGrid refusing the key, server errors, the health test failing) go there.')
param operatorEmail string

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var names = {
  resourceGroup: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  storage: 'st${token}'
  keyVault: 'kv-${token}'
  identity: 'id-pcc-${token}'
  logAnalytics: 'log-pcc-${token}'
  applicationInsights: 'appi-pcc-${token}'
  plan: 'plan-pcc-${token}'
  functionApp: 'func-pcc-${token}'
  systemTopic: 'evgt-briefings-${token}'
  actionGroup: 'ag-pcc-${token}'
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    storageAccountName: names.storage
  }
}

module vault 'modules/keyvault.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    keyVaultName: names.keyVault
    sendGridApiKey: sendGridApiKey
    sendGridWebhookPublicKey: sendGridWebhookPublicKey
    subscriptionTokenSecret: subscriptionTokenSecret
  }
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    identityName: names.identity
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    briefingsContainer: briefingsContainer
    editorsGroupId: editorsGroupId
  }
  dependsOn: [
    storage
    vault
    monitoring
  ]
}

module app 'modules/function-app.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    planName: names.plan
    functionAppName: names.functionApp
    storageAccountName: names.storage
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    keyVaultUri: vault.outputs.uri
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    publicBaseUrl: publicBaseUrl
    emailTransport: emailTransport
    emailFromAddress: emailFromAddress
    emailFromName: emailFromName
    editors: editors
    sendGridSandboxMode: sendGridSandboxMode
    hasSendGridWebhookPublicKey: !empty(sendGridWebhookPublicKey)
    editorSignInClientId: editorSignInClientId
    editorSignInTenantId: editorSignInTenantId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The package container must exist before the app is pointed at it.
  dependsOn: [
    storage
  ]
}

module events 'modules/briefing-events.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    systemTopicName: names.systemTopic
    storageAccountName: names.storage
    identityId: identity.outputs.id
  }
  dependsOn: [
    storage
  ]
}

module alerts 'modules/alerts.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    operatorEmail: operatorEmail
    actionGroupName: names.actionGroup
    applicationInsightsName: names.applicationInsights
    systemTopicName: names.systemTopic
    appHostName: app.outputs.defaultHostName
  }
  // The Application Insights component comes with the app (whose settings name it); the system topic does not.
  dependsOn: [
    events
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${app.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_ID string = identity.outputs.id
output BRIEFINGS_SYSTEM_TOPIC_NAME string = events.outputs.name
output BRIEFINGS_CONTAINER string = briefingsContainer
output INGEST_FUNCTION_NAME string = ingestFunctionName
