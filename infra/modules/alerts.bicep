// What an operator hears about: an action group that emails them, an availability test of GET /api/health, and alerts
// on what would otherwise be only a log line or a metric nobody watches. The log alerts search the app's traces in
// Application Insights for the lines the app writes (the tests check each line is still in the app's source).
// Resources as documented in the Azure template reference: Microsoft.Insights/actionGroups, scheduledQueryRules
// (kind LogAlert: criteria.allOf with query, timeAggregation, operator, threshold), metricAlerts (the
// WebtestLocationAvailabilityCriteria for availability tests) and webtests (kind 'standard', tagged
// 'hidden-link:<component id>', SyntheticMonitorId equal to its name); Event Grid's DeadLetteredCount metric is listed
// for system topics in "Azure Event Grid - Monitor data reference (push delivery)".

param location string
param tags object

@description('Where alerts are emailed.')
param operatorEmail string

param actionGroupName string
param applicationInsightsName string
param systemTopicName string

@description('The Function App\'s host name: the availability test asks https://<host>/api/health.')
param appHostName string

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  // Action groups are global resources.
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'pcc-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: operatorEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Each log alert: a query over the app's traces or requests that returns rows only when something is wrong, evaluated
// every five minutes over the last window; any row fires it. The message fragments are the app's own log lines:
//   poison      AppHealth: "Poison queue {Queue} holds {Messages} messages" (each GET /api/health, so every five
//               minutes from the availability test, while a poison queue is not empty); BriefingIngestor: a document
//               that "was given up on and goes to the poison queue"
//   ingests     IngestionCompletion: "The document could not be read: …" (failed) and "… is held for review: …" (held)
//   digests     DigestBatchSender and DigestRunner: "{Sent} sent, {Failed} failed, {Deferred} deferred" with a count above 0
//   sendgrid    SendGridTransport: "SendGrid refused the API key ({Status})" on a 401 or 403
//   server      requests answered 5xx: more than 5% of at least 10 in the window
var logAlerts = [
  {
    name: 'poison-messages'
    description: 'A briefing blob or a digest batch was moved to a poison queue after five failed attempts: `pcc poison list`.'
    severity: 1
    windowSize: 'PT10M'
    query: '''
traces
| where message startswith "Poison queue " or message has "was given up on"
'''
  }
  {
    name: 'ingests-failed-or-held'
    description: 'An uploaded briefing could not be read, or was held for review: see its ingest report on the editor page.'
    severity: 2
    windowSize: 'PT5M'
    query: '''
traces
| where message has "The document could not be read: " or message has "is held for review: "
'''
  }
  {
    name: 'digest-deliveries-failed'
    description: 'A digest batch or run ended with failed or deferred recipients: see the DigestRuns ledger and GET /api/health.'
    severity: 2
    windowSize: 'PT5M'
    query: '''
traces
| where message has " failed, " and message has " deferred"
| extend failed = toint(extract(@"(\d+) failed, ", 1, message)), deferred = toint(extract(@"(\d+) deferred", 1, message))
| where failed > 0 or deferred > 0
'''
  }
  {
    name: 'sendgrid-authentication'
    description: 'SendGrid refused the API key: no email goes out until the key in Key Vault is replaced (README, Rotating secrets).'
    severity: 1
    windowSize: 'PT5M'
    query: '''
traces
| where message has "SendGrid refused the API key"
'''
  }
  {
    name: 'server-errors'
    description: 'More than 5% of the app\'s requests answered 5xx.'
    severity: 2
    windowSize: 'PT15M'
    query: '''
requests
| summarize total = count(), errors = countif(toint(resultCode) >= 500)
| where total >= 10 and errors * 20 > total
'''
  }
]

resource logRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in logAlerts: {
    name: 'pcc-${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'PCC: ${rule.name}'
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        insights.id
      ]
      evaluationFrequency: 'PT5M'
      windowSize: rule.windowSize
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          operators.id
        ]
      }
    }
  }
]

resource deadLettered 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'pcc-events-dead-lettered'
  location: 'global'
  tags: tags
  properties: {
    description: 'Event Grid gave up delivering a blob-created event to IngestBriefing: the event is in the briefing-events-deadletter container and the briefing was not ingested.'
    severity: 1
    enabled: true
    scopes: [
      topic.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-lettered'
          metricName: 'DeadLetteredCount'
          timeAggregation: 'Total'
          operator: 'GreaterThan'
          threshold: 0
        }
      ]
    }
    actions: [
      {
        actionGroupId: operators.id
      }
    ]
  }
}

var healthTestName = 'pcc-health'

resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: healthTestName
  location: location
  // The portal shows a test under the component its hidden-link tag names.
  tags: union(tags, {
    'hidden-link:${insights.id}': 'Resource'
  })
  kind: 'standard'
  properties: {
    Name: healthTestName
    SyntheticMonitorId: healthTestName
    Kind: 'standard'
    Description: 'GET /api/health answers 200: the app runs and reaches its storage.'
    Enabled: true
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    // Test agents in West Europe, North Europe and UK South.
    Locations: [
      {
        Id: 'emea-nl-ams-azr'
      }
      {
        Id: 'emea-gb-db3-azr'
      }
      {
        Id: 'emea-ru-msa-edge'
      }
    ]
    Request: {
      RequestUrl: 'https://${appHostName}/api/health'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource healthFailing 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'pcc-health-failing'
  location: 'global'
  tags: tags
  properties: {
    description: 'GET /api/health did not answer 200 from two test locations: the app is down or cannot reach its storage.'
    severity: 1
    enabled: true
    scopes: [
      healthTest.id
      insights.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: healthTest.id
      componentId: insights.id
      failedLocationCount: 2
    }
    actions: [
      {
        actionGroupId: operators.id
      }
    ]
  }
}

output actionGroupId string = operators.id
