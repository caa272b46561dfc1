#!/bin/sh
# Runs after `azd deploy` (and so after `azd up`): subscribes the IngestBriefing blob trigger to blob-created events in
# briefings/. The webhook needs the host's blobs_extension key, which exists only once the deployed app has started,
# so this waits for the key and then deploys infra/briefing-subscription.bicep, which reads the key inside Azure.
# Then it checks the deployment end to end with `pcc smoke`: a briefing marked as a deployment check is uploaded (as you,
# through AZURE_PRINCIPAL_ID's role on briefings/), ingested, seen in the API, on its page, in the feed and in search,
# and removed again; it never reaches a digest. SKIP_DEPLOYMENT_CHECK=true skips the check.
# Re-running it is harmless: the deployment leaves an identical subscription as it is.
set -eu

: "${AZURE_RESOURCE_GROUP:?is not set: run through azd, or export the outputs of infra/main.bicep}"
: "${AZURE_FUNCTION_APP_NAME:?is not set: run through azd, or export the outputs of infra/main.bicep}"
: "${AZURE_FUNCTION_APP_URL:?is not set: run through azd, or export the outputs of infra/main.bicep}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?is not set: run through azd, or export the outputs of infra/main.bicep}"
: "${AZURE_USER_ASSIGNED_IDENTITY_ID:?is not set: run through azd, or export the outputs of infra/main.bicep}"
: "${BRIEFINGS_SYSTEM_TOPIC_NAME:?is not set: run through azd, or export the outputs of infra/main.bicep}"

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is needed to subscribe the blob trigger to Event Grid." >&2
  exit 1
fi

template="$(dirname "$0")/../briefing-subscription.bicep"
attempts=30

# Wait (up to five minutes) for the key; a request to the app starts its host if it is not running yet.
attempt=1
while :; do
  present=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "length(systemKeys.blobs_extension || '')" --output tsv 2>/dev/null || echo 0)
  if [ "${present:-0}" -gt 0 ] 2>/dev/null; then
    break
  fi
  if [ "$attempt" -ge "$attempts" ]; then
    echo "postdeploy: $AZURE_FUNCTION_APP_NAME has no blobs_extension key after $attempts tries; is the app running?" >&2
    echo "postdeploy: run this script again once it is (azd hooks run postdeploy)." >&2
    exit 1
  fi
  if command -v curl >/dev/null 2>&1; then
    curl --silent --output /dev/null --max-time 30 "$AZURE_FUNCTION_APP_URL/api/case-studies" || true
  fi
  attempt=$((attempt + 1))
  sleep 10
done

az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name ingest-briefings-subscription \
  --template-file "$template" \
  --parameters \
    functionAppName="$AZURE_FUNCTION_APP_NAME" \
    systemTopicName="$BRIEFINGS_SYSTEM_TOPIC_NAME" \
    storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
    identityId="$AZURE_USER_ASSIGNED_IDENTITY_ID" \
  --output none

echo "postdeploy: blob-created events in briefings/ now reach IngestBriefing on $AZURE_FUNCTION_APP_NAME."

if [ "${SKIP_DEPLOYMENT_CHECK:-}" = "true" ]; then
  echo "postdeploy: SKIP_DEPLOYMENT_CHECK=true, so the deployment was not checked (run: pcc smoke --url $AZURE_FUNCTION_APP_URL)."
  exit 0
fi

# The function key goes through the environment, never the command line.
PCC_FUNCTION_KEY=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --query functionKeys.default --output tsv)
export PCC_FUNCTION_KEY
dotnet run --project "$(dirname "$0")/../../src/Pcc.Cli" -- smoke \
  --url "$AZURE_FUNCTION_APP_URL" --storage-account "$AZURE_STORAGE_ACCOUNT_NAME"
