// The vault holding the collector's secrets (the Google service account key; later the SMTP password), in RBAC
// mode: the function app's identity may read secrets, nobody gets access policies.

@description('Key Vault name: 3 to 24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Resource id of the function app\'s user-assigned identity (what the role assignment\'s name is derived from).')
param readerIdentityId string

@description('Principal id of the function app\'s user-assigned identity, given Key Vault Secrets User.')
param readerPrincipalId string

@description('Days a deleted secret or vault can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Tags for every resource.')
param tags object

// Key Vault Secrets User: read secret contents, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerIdentityId, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

@description('The vault name, used in Key Vault references.')
output name string = vault.name

@description('The vault URI.')
output uri string = vault.properties.vaultUri
