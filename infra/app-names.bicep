// Names the app's code uses, shared by the templates that must agree with it (the tests compare them with the code).

@export()
@description('The container editors upload briefings to (app setting Storage__BriefingsContainer), which the IngestBriefing blob trigger watches through the same setting (%Storage:BriefingsContainer%/{name}).')
var briefingsContainer = 'briefings'

@export()
@description('The blob-triggered function the Event Grid subscription delivers to.')
var ingestFunctionName = 'IngestBriefing'

@export()
@description('The app\'s containers, keyed by the Storage setting that names each one.')
var appContainers = {
  BriefingsContainer: briefingsContainer
  ReportsContainer: 'ingest-reports'
  LocksContainer: 'pcc-locks'
  SummariesContainer: 'summaries'
  SecretsContainer: 'pcc-secrets'
  DigestBatchesContainer: 'digest-batches'
}

@export()
@description('Tables the app keeps its catalogue, subscribers and digest ledger in.')
var appTables = [
  'Briefings'
  'BriefingVersions'
  'Ingestions'
  'BriefingCaseStudies'
  'CaseStudies'
  'CaseStudyHistory'
  'Changes'
  'RelatedCaseStudies'
  'Subscribers'
  'DigestRuns'
  'Deliveries'
  'RateLimits'
]

@export()
@description('The queue digest batches fan out on (SendDigestBatch\'s trigger, %DigestBatchQueue%); its length scales the app out.')
var digestBatchQueue = 'digest-batches'

@export()
@description('Queues: the digest batches, and where the Functions host moves a briefing blob or a batch message that failed five times.')
var appQueues = [
  'webjobs-blobtrigger-poison'
  digestBatchQueue
  '${digestBatchQueue}-poison'
]

@export()
@description('The container the deployment package is uploaded to (Flex Consumption runs the app from it).')
var deploymentContainer = 'app-package'

@export()
@description('Where Event Grid leaves blob-created events it could not deliver to the app.')
var deadLetterContainer = 'briefing-events-deadletter'

@export()
@description('Key Vault secret names, referenced from the app settings.')
var secretNames = {
  sendGridApiKey: 'sendgrid-api-key'
  sendGridWebhookPublicKey: 'sendgrid-webhook-public-key'
  subscriptionTokenSecret: 'subscription-token-secret'
}
