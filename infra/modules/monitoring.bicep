// Log Analytics workspace and the workspace-based Application Insights the app reports to (Entra ID auth only).

param location string
param tags object
param logAnalyticsName string
param applicationInsightsName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is accepted only from Entra ID identities (the app's managed identity), never with the key alone.
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = insights.name
output connectionString string = insights.properties.ConnectionString
