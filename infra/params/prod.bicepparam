// Production: raw manifests kept 13 months and locked for 90 days, so no one can quietly rewrite a branch's history.
using '../main.bicep'

param environmentName = 'prod'
param manifestRetentionDays = 400
param manifestCoolAfterDays = 30
param manifestImmutabilityDays = 90
param logRetentionDays = 90
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param googleSpreadsheetId = readEnvironmentVariable('BKP_GOOGLE_SPREADSHEET_ID', '')
param releasePublisherPrincipalId = readEnvironmentVariable('BKP_RELEASE_PUBLISHER_PRINCIPAL_ID', '')
