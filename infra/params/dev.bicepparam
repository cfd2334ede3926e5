// The development environment: short retention, small scale, no immutability.
using '../main.bicep'

param environmentName = 'dev'
param manifestRetentionDays = 60
param manifestCoolAfterDays = 14
param maximumInstanceCount = 10
param instanceMemoryMB = 2048
