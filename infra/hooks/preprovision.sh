#!/bin/sh
# Runs before `azd provision`: gives the environment its subscription-link signing key the first time, and keeps it
# afterwards (a new key invalidates every confirm, manage and unsubscribe link already sent; see README to rotate it).
set -eu

if [ -z "${SUBSCRIPTION_TOKEN_SECRET:-}" ]; then
  if ! command -v openssl >/dev/null 2>&1; then
    echo "preprovision: openssl is needed to generate SUBSCRIPTION_TOKEN_SECRET; or set it yourself:" >&2
    echo "  azd env set SUBSCRIPTION_TOKEN_SECRET \"<base64 of 32 random bytes>\"" >&2
    exit 1
  fi
  azd env set SUBSCRIPTION_TOKEN_SECRET "$(openssl rand -base64 32)"
  echo "preprovision: generated SUBSCRIPTION_TOKEN_SECRET for environment ${AZURE_ENV_NAME:-?}."
fi
