// The collector's storage account: tables for state, blob containers for raw manifests, baselines, the registry,
// the sheet's ledger, probe releases and the function app's deployment package. Reached only with Entra ID
// (no shared keys), over HTTPS and TLS 1.2.

@description('Storage account name: 3 to 24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tables the collector uses, by name (the TableName constants in the code).')
param tables string[]

@description('Blob containers the collector uses, by name (the ContainerName constants in the code).')
param containers string[]

@description('Blob container holding the raw manifests, which the lifecycle rule ages and the optional immutability policy protects.')
param manifestsContainer string

@description('Days after which a raw manifest moves to the cool tier.')
@minValue(1)
param coolAfterDays int

@description('Days after which a raw manifest is deleted; longer than coolAfterDays.')
@minValue(2)
param retentionDays int

@description('Days for which a raw manifest cannot be changed or deleted (time-based immutability); 0 for none.')
@minValue(0)
param immutabilityDays int

@description('Tags for every resource.')
param tags object

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for container in containers: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource manifests 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' existing = {
  parent: blobService
  name: manifestsContainer
}

resource manifestImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-01-01' = if (immutabilityDays > 0) {
  parent: manifests
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityDays
    allowProtectedAppendWrites: false
  }
  dependsOn: [
    blobContainers
  ]
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource stateTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'raw-manifests'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${manifestsContainer}/'
              ]
            }
            actions: {
              baseBlob: {
                tierToCool: {
                  daysAfterCreationGreaterThan: coolAfterDays
                }
                delete: {
                  daysAfterCreationGreaterThan: max(retentionDays, immutabilityDays + 1)
                }
              }
            }
          }
        }
      ]
    }
  }
}

@description('The storage account name.')
output name string = account.name

@description('The storage account resource id, the scope of the role assignments.')
output id string = account.id

@description('Blob service endpoint, https://<account>.blob.<suffix>/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Table service endpoint.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Queue service endpoint.')
output queueEndpoint string = account.properties.primaryEndpoints.queue
