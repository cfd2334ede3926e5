// What the collector's identity may do, as role assignments instead of keys: own the blobs (host storage, the
// deployment package, raw manifests, releases, user-delegation SAS for probe downloads), read and write the
// tables, and publish telemetry. The deploy identity, when given, may upload probe releases.

@description('Storage account the roles apply to.')
param storageAccountName string

@description('Application Insights resource the metrics role applies to.')
param insightsName string

@description('Resource id of the function app\'s user-assigned identity (what the role assignments\' names are derived from).')
param appIdentityId string

@description('Principal id of the function app\'s user-assigned identity.')
param appPrincipalId string

@description('Principal id of the GitHub Actions deploy identity, given Storage Blob Data Contributor on the releases container; empty for none.')
param releasePublisherPrincipalId string

@description('Blob container of probe releases.')
param releasesContainer string

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' existing = {
  parent: account
  name: 'default'
}

resource releases 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' existing = {
  parent: blobService
  name: releasesContainer
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentityId, roles.storageBlobDataOwner)
  scope: account
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentityId, roles.storageTableDataContributor)
  scope: account
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, appIdentityId, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource releasePublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(releasePublisherPrincipalId)) {
  name: guid(releases.id, releasePublisherPrincipalId, roles.storageBlobDataContributor)
  scope: releases
  properties: {
    principalId: releasePublisherPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
  }
}
