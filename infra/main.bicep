// MonitoramentoBKP's collector in one resource group: storage (state, raw manifests, releases), the function
// app on Flex Consumption with its managed identity, monitoring and the secrets vault. Deployed by
// .github/workflows/deploy.yml with params/<environment>.bicepparam; see infra/README.md.

targetScope = 'resourceGroup'

@description('Environment this deployment is: dev or prod. Part of every resource name.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Azure region of every resource; the resource group\'s by default. It must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Days after which a raw manifest moves to the cool tier.')
@minValue(1)
param manifestCoolAfterDays int = 30

@description('Days a raw manifest is kept before the lifecycle rule deletes it.')
@minValue(2)
param manifestRetentionDays int = 400

@description('Days for which a raw manifest cannot be changed or deleted, even by an administrator; 0 turns immutability off.')
@minValue(0)
param manifestImmutabilityDays int = 0

@description('Days Log Analytics keeps the collector\'s logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Most instances the collector scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per collector instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Google spreadsheet id of the managers\' sheet; empty until the service account is shared on it.')
param googleSpreadsheetId string = ''

@description('IANA time zone the sheet and the schedules\' local times are in (Flex timers themselves run in UTC).')
param sheetTimeZone string = 'America/Sao_Paulo'

@description('Language of the managers\' sheet and alerts: pt (Brazilian Portuguese) or en.')
@allowed([
  'pt'
  'en'
])
param sheetLanguage string = 'pt'

@description('Principal id of the GitHub Actions deploy identity, allowed to upload probe releases; empty for none.')
param releasePublisherPrincipalId string = ''

@description('More app settings for the collector, such as the alert routes\' Alerts__Routes__<settings>__<Field>; a secret only as a Key Vault reference (@Microsoft.KeyVault(VaultName=...;SecretName=...)), never its value.')
param appSettings object = {}

@description('Tags for every resource.')
param tags object = {
  product: 'MonitoramentoBKP'
  environment: environmentName
}

var token = uniqueString(subscription().id, resourceGroup().id, environmentName)

// Every table and container the code names (TableName / ContainerName constants); tests/Infra.Tests keeps the
// two lists equal to the code's.
var storageTables = [
  'branchstate'
  'registry'
  'sweepdue'
  'outbox'
  'identity'
  'rollouts'
]
var storageContainers = [
  'manifests'
  'baselines'
  'registry'
  'sheet'
  'releases'
  'notify'
]

var names = {
  storage: 'stbkp${token}'
  vault: 'kv-bkp-${take(token, 13)}'
  insights: 'appi-bkp-${environmentName}-${token}'
}

// The function app's deployment package: the platform's, not the collector's.
var deploymentContainer = 'app-package'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-bkp-${environmentName}-${token}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tables: storageTables
    containers: concat(storageContainers, [deploymentContainer])
    manifestsContainer: 'manifests'
    coolAfterDays: manifestCoolAfterDays
    retentionDays: manifestRetentionDays
    immutabilityDays: manifestImmutabilityDays
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-bkp-${environmentName}-${token}'
    insightsName: names.insights
    location: location
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.vault
    location: location
    readerIdentityId: identity.id
    readerPrincipalId: identity.properties.principalId
    softDeleteRetentionInDays: environmentName == 'prod' ? 90 : 7
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: names.storage
    insightsName: names.insights
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
    releasePublisherPrincipalId: releasePublisherPrincipalId
    releasesContainer: 'releases'
  }
  dependsOn: [
    monitoring
    storage
  ]
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    planName: 'plan-bkp-${environmentName}-${token}'
    appName: 'func-bkp-${environmentName}-${token}'
    location: location
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainer: deploymentContainer
    insightsName: names.insights
    keyVaultName: vault.outputs.name
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    googleSpreadsheetId: googleSpreadsheetId
    sheetTimeZone: sheetTimeZone
    sheetLanguage: sheetLanguage
    extraSettings: appSettings
    tags: tags
  }
  dependsOn: [
    roles
    monitoring
  ]
}

@description('The function app name, for the deploy workflow\'s publish step.')
output functionAppName string = app.outputs.name

@description('The collector\'s base URL (probes\' collectorUrl).')
output collectorUrl string = app.outputs.url

@description('The storage account name (releases are uploaded to its releases container).')
output storageAccountName string = storage.outputs.name

@description('The Key Vault name, where the Google service account key is stored as secret google-service-account-key.')
output keyVaultName string = vault.outputs.name

@description('Client id of the collector\'s managed identity.')
output identityClientId string = identity.properties.clientId
