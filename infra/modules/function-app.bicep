// The Function App: Flex Consumption (FC1) on Linux, .NET isolated worker, run from a package in blob storage, as the
// user-assigned identity. Every setting the app reads is set here; secrets are Key Vault references.

import { appContainers, deploymentContainer, digestBatchQueue, secretNames } from '../app-names.bicep'

param location string
param tags object
param planName string
param functionAppName string
param storageAccountName string
param identityId string
param identityClientId string
param keyVaultUri string
param applicationInsightsConnectionString string

@description('The public address of the app; its default host name when empty.')
param publicBaseUrl string

@description('Smtp or SendGrid.')
param emailTransport string

@description('A verified sender in SendGrid.')
param emailFromAddress string

param emailFromName string

@description('Editors who get the weekly summary, separated by commas; none when empty.')
param editors string

@description('SendGrid validates every request but delivers nothing.')
param sendGridSandboxMode bool

@description('Whether the vault holds the Event Webhook verification key; without it every webhook post is refused.')
param hasSendGridWebhookPublicKey bool

@description('Application (client) id of the Entra ID app registration editors sign in with; sign-in is off when empty.')
param editorSignInClientId string

@description('Tenant of that app registration; the subscription\'s tenant when empty.')
param editorSignInTenantId string

@description('The most instances Flex Consumption may scale out to.')
param maximumInstanceCount int

@description('Memory per instance, in MB.')
param instanceMemoryMB int

var baseUrl = empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl

var signInTenantId = empty(editorSignInTenantId) ? tenant().tenantId : editorSignInTenantId

// Key Vault references name the secret without a version, so a new version reaches the app without redeploying.
var secretUri = '${keyVaultUri}secrets/'

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: 'https://${storageAccountName}.blob.${environment().suffixes.storage}/${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // The host's storage, reached as the identity (no keys); the app's own data uses the same connection.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

    // Timer schedules (six-field NCRONTAB, UTC): the host resolves %Setting% from the app settings alone.
    DigestsImmediateSchedule: '0 */5 * * * *'
    DigestsDailySchedule: '0 30 6,7 * * *'
    DigestsWeeklySchedule: '0 30 6,7 * * 1'
    WeeklySummarySchedule: '0 0 6 * * 1'
    SubscriptionsPurgeSchedule: '0 15 * * * *'

    Storage__Connection: 'AzureWebJobsStorage'
    Storage__TablePrefix: ''
    Storage__BriefingsContainer: appContainers.BriefingsContainer
    Storage__ReportsContainer: appContainers.ReportsContainer
    Storage__LocksContainer: appContainers.LocksContainer
    Storage__SummariesContainer: appContainers.SummariesContainer
    Storage__SecretsContainer: appContainers.SecretsContainer
    Storage__DigestBatchesContainer: appContainers.DigestBatchesContainer

    // The queue digest batches fan out on (SendDigestBatch's %DigestBatchQueue%).
    DigestBatchQueue: digestBatchQueue

    // Document reading limits (ReaderLimits, section Ingestion) and the theme taxonomy (built in when empty).
    Ingestion__MaxDocumentBytes: '20971520'
    Ingestion__MaxDecompressedBytes: '104857600'
    Ingestion__Timeout: '00:00:30'
    // Recovery from ingests whose process died (IngestionOptions): give up after 5 deaths, settle after 10 minutes.
    Ingestion__MaxAttempts: '5'
    Ingestion__AbandonAfter: '00:10:00'
    Ingestion__LockWait: '00:02:00'
    Catalogue__ThemesFile: ''
    // Search's synonyms and abbreviations (built in, from seeds/synonyms.txt, when empty).
    Search__SynonymsFile: ''

    // Pages: the site root is the app's (no host welcome page). Editor pages need an Entra ID sign-in with the Editor
    // app role through App Service Authentication (authsettingsV2 below); while it is off (no editorSignInClientId)
    // they answer 503 rather than open up.
    AzureWebJobsDisableHomepage: 'true'
    Editors__RequireSignIn: 'true'
    Editors__Role: 'Editor'

    Subscriptions__PublicBaseUrl: baseUrl
    Subscriptions__TokenSecret: '@Microsoft.KeyVault(SecretUri=${secretUri}${secretNames.subscriptionTokenSecret}/)'
    Subscriptions__ConfirmTokenLifetime: '7.00:00:00'
    Subscriptions__ManageTokenLifetime: '90.00:00:00'
    Subscriptions__UnsubscribeTokenLifetime: '365.00:00:00'
    Subscriptions__EmailsPerAddressPerHour: '3'
    Subscriptions__UnsubscribeMailbox: ''
    Subscriptions__RateLimits__SubscribePerClientPerMinute: '5'
    Subscriptions__RateLimits__SubscribeAllClientsPerMinute: '100'
    Subscriptions__RateLimits__LinksPerClientPerMinute: '30'
    Subscriptions__RateLimits__SubscribePerRecipientDomainPerMinute: '30'
    Notifications__Editors: editors

    Email__Transport: emailTransport
    Email__FromAddress: emailFromAddress
    Email__FromName: emailFromName
    Email__SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${secretUri}${secretNames.sendGridApiKey}/)'
    Email__SendGrid__WebhookPublicKey: hasSendGridWebhookPublicKey ? '@Microsoft.KeyVault(SecretUri=${secretUri}${secretNames.sendGridWebhookPublicKey}/)' : ''
    Email__SendGrid__BaseUri: 'https://api.sendgrid.com'
    Email__SendGrid__SandboxMode: string(sendGridSandboxMode)
    Email__SendGrid__MaxPersonalizationsPerRequest: '1000'
    Email__SendGrid__MaxAttempts: '4'
    Email__SendGrid__Timeout: '00:00:30'
    Email__SendGrid__RetryBaseDelay: '00:00:01'
    Email__SendGrid__MaxRetryDelay: '00:00:30'
    Email__SendGrid__WebhookTimestampTolerance: '00:10:00'
    // Email__Transport=Smtp sends through SendGrid's SMTP relay with the same key: a fallback, not a second account.
    Email__Smtp__Host: 'smtp.sendgrid.net'
    Email__Smtp__Port: '587'
    Email__Smtp__Security: 'StartTls'
    Email__Smtp__UserName: 'apikey'
    Email__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${secretUri}${secretNames.sendGridApiKey}/)'
    Email__Smtp__Timeout: '00:00:30'

    Digests__PublicBaseUrl: baseUrl
    Digests__MaxRecipientsPerBatch: '1000'
    Digests__MaxOpenAudiences: '4096'
    Digests__MaxDeliveryAttempts: '3'
    Digests__ClaimLease: '00:15:00'
    Digests__DeferredRetryDelay: '00:05:00'
    Digests__SummaryLength: '300'
    Digests__DiffContextWords: '6'
    Digests__MaxChangesShown: '12'
    // Empty: the per-frequency defaults (36 immediate, 3 daily, 2 weekly windows).
    Digests__MaxCatchUpWindows: ''
    Digests__Category: 'digest'
  }
}

// App Service Authentication with the Microsoft (Entra ID) provider. Readers' pages and the API are public, so
// unauthenticated requests go through; the editor pages send people to /.auth/login/aad and let in only those whose
// X-MS-CLIENT-PRINCIPAL carries the Editors__Role app role (Pcc.Functions EditorAccess). No client secret: the sign-in
// takes the ID token straight from Entra ID, so nothing here or in Key Vault needs rotating.
resource auth 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: !empty(editorSignInClientId)
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: editorSignInClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${signInTenantId}/v2.0'
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
