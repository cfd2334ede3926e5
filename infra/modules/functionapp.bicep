// The collector: a Flex Consumption (FC1) plan and its Linux function app on .NET 10 isolated, running as a
// user-assigned managed identity that reaches host storage, the collector's tables and blobs, Application Insights
// and Key Vault without a single key. Timers run in UTC (Flex has no WEBSITE_TIME_ZONE); the code keeps local
// times (the sheet's time zone is a setting).

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app; its default host name is <name>.azurewebsites.net.')
param appName string

@description('Azure region of the plan and the app.')
param location string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity, for the managed identity credential and host storage.')
param identityClientId string

@description('Name of the storage account (host storage and the collector\'s own).')
param storageAccountName string

@description('Blob endpoint of that account.')
param blobEndpoint string

@description('Table endpoint of that account.')
param tableEndpoint string

@description('Blob container of the app\'s deployment package.')
param deploymentContainer string

@description('Name of the Application Insights resource the app sends telemetry to.')
param insightsName string

@description('Key Vault name holding the secrets referenced from app settings.')
param keyVaultName string

@description('Google spreadsheet id of the managers\' sheet; empty for none yet.')
param googleSpreadsheetId string

@description('IANA time zone of the sheet and of local times in alerts.')
param sheetTimeZone string

@description('Language of the sheet: pt or en.')
param sheetLanguage string

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB (Flex Consumption sizes: 512, 2048, 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Tags for every resource.')
param tags object

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
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

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: tags
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
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainer}'
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

// No FTP and no basic-auth publishing: deployments come from GitHub Actions with Entra ID.
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('More app settings, merged over these (the alert routes\' Alerts__Routes__<settings>__<Field>, say); a secret only as a Key Vault reference, never its value.')
param extraSettings object

// What the collector reads, and its timers' schedules (NCRONTAB with seconds, in UTC: Flex has no WEBSITE_TIME_ZONE).
var settings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  StorageAccountName: storageAccountName
  ManagedIdentityClientId: identityClientId
  PublicBaseUrl: 'https://${app.properties.defaultHostName}'
  GoogleSpreadsheetId: googleSpreadsheetId
  GoogleServiceAccountKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=google-service-account-key)'
  SheetTimeZone: sheetTimeZone
  SheetLanguage: sheetLanguage
  SweepSchedule: '0 */5 * * * *'
  SheetSchedule: '0 */1 * * * *'
  AlertSchedule: '0 */1 * * * *'
}

// Separate from the site so the public URL can name the site's own host name. It replaces every app setting on
// each deployment: settings added by hand are lost, so they belong in extraSettings (main.bicep appSettings).
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'appsettings'
  properties: union(settings, extraSettings)
}

@description('The function app name.')
output name string = app.name

@description('The collector\'s base URL.')
output url string = 'https://${app.properties.defaultHostName}'
