using System.Reflection;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Infra.Tests.Support;

namespace MonitoramentoBKP.Infra.Tests;

/// <summary>What the compiled template of infra/main.bicep must say for the collector to run in Azure without keys.</summary>
public sealed class TemplateTests
{
    private static readonly JsonObject Main = Bicep.Template();

    [Fact]
    public void Every_table_and_container_the_code_names_is_declared_and_nothing_else()
    {
        var storage = typeof(Collector.Storage.TableOutbox).Assembly;
        string[] Constants(string name) => [.. storage.GetTypes()
            .Select(t => t.GetField(name, BindingFlags.Public | BindingFlags.Static))
            .OfType<FieldInfo>()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct()
            .Order(StringComparer.Ordinal)];

        var variables = Main["variables"]!;
        string Declared(string variable) => string.Join(", ", variables[variable]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));
        Assert.Equal(string.Join(", ", Constants("TableName")), Declared("storageTables"));
        Assert.Equal(string.Join(", ", Constants("ContainerName")), Declared("storageContainers"));

        // The module gets those lists (and the platform's deployment container) and declares one resource per name.
        var storageModule = Templates.Module(Main, "storage");
        Assert.Contains("parameters('tables')[copyIndex()]", (string?)Templates.Single(storageModule, "Microsoft.Storage/storageAccounts/tableServices/tables")["name"], StringComparison.Ordinal);
        Assert.Contains("parameters('containers')[copyIndex()]", (string?)Templates.OfType(storageModule, "Microsoft.Storage/storageAccounts/blobServices/containers").Single(c => c["copy"] is not null)["name"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_storage_account_takes_no_shared_keys_no_public_blobs_and_only_TLS_1_2_over_HTTPS()
    {
        var account = Templates.Single(Main, "Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.True((bool)account["defaultToOAuthAuthentication"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.All(Templates.OfType(Main, "Microsoft.Storage/storageAccounts/blobServices/containers"), c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
    }

    [Fact]
    public void Raw_manifests_move_to_cool_storage_and_are_deleted_after_the_retention_parameter()
    {
        var policy = Templates.Single(Main, "Microsoft.Storage/storageAccounts/managementPolicies");
        Assert.EndsWith("'default')]", (string?)policy["name"], StringComparison.Ordinal);
        var rule = Assert.Single(policy["properties"]!["policy"]!["rules"]!.AsArray())!;
        Assert.Equal("[format('{0}/', parameters('manifestsContainer'))]", (string?)rule["definition"]!["filters"]!["prefixMatch"]![0]);
        var actions = rule["definition"]!["actions"]!["baseBlob"]!;
        Assert.Equal("[parameters('coolAfterDays')]", (string?)actions["tierToCool"]!["daysAfterCreationGreaterThan"]);
        Assert.Contains("parameters('retentionDays')", (string?)actions["delete"]!["daysAfterCreationGreaterThan"], StringComparison.Ordinal);

        var storageModule = Templates.Module(Main, "storage");
        var passed = Main["resources"]!.AsArray().Single(r => (string?)r!["name"] == "storage")!["properties"]!["parameters"]!;
        Assert.Equal("[parameters('manifestRetentionDays')]", (string?)passed["retentionDays"]!["value"]);
        Assert.Equal("[parameters('manifestCoolAfterDays')]", (string?)passed["coolAfterDays"]!["value"]);
        Assert.NotNull(storageModule["parameters"]!["retentionDays"]);
    }

    [Fact]
    public void Immutability_on_the_manifests_container_is_optional()
    {
        var immutability = Templates.Single(Main, "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");
        Assert.Equal("[greater(parameters('immutabilityDays'), 0)]", (string?)immutability["condition"]);
        Assert.Equal("[parameters('immutabilityDays')]", (string?)immutability["properties"]!["immutabilityPeriodSinceCreationInDays"]);
        Assert.Equal(0, (int)Main["parameters"]!["manifestImmutabilityDays"]!["defaultValue"]!);
        Assert.Equal(90, (int)Bicep.Parameters(Path.Combine("params", "prod.bicepparam"))["parameters"]!["manifestImmutabilityDays"]!["value"]!);
    }

    [Fact]
    public void The_function_app_runs_dotnet_isolated_10_on_Flex_Consumption_deployed_from_a_container_by_its_identity()
    {
        var plan = Templates.Single(Main, "Microsoft.Web/serverfarms");
        Assert.Equal(("FC1", "FlexConsumption"), ((string?)plan["sku"]!["name"], (string?)plan["sku"]!["tier"]));

        var app = Templates.Single(Main, "Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)app["kind"]);
        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        var properties = app["properties"]!;
        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("[parameters('identityId')]", (string?)properties["keyVaultReferenceIdentity"]);
        var config = properties["functionAppConfig"]!;
        Assert.Equal(("dotnet-isolated", "10.0"), ((string?)config["runtime"]!["name"], (string?)config["runtime"]!["version"]));
        var storage = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal(("UserAssignedIdentity", "[parameters('identityId')]"), ((string?)storage["authentication"]!["type"], (string?)storage["authentication"]!["userAssignedIdentityResourceId"]));
    }

    /// <summary>The app settings Bicep writes (the merge of its own and the appSettings parameter), each value as its expression.</summary>
    private static IReadOnlyDictionary<string, string> Settings()
    {
        var config = Templates.Single(Main, "Microsoft.Web/sites/config");
        var properties = (string?)config["properties"];
        Assert.NotNull(properties);
        Assert.EndsWith(", parameters('extraSettings'))]", properties, StringComparison.Ordinal);
        return ArmObject.CreateObject(properties);
    }

    [Fact]
    public void Host_storage_telemetry_and_secrets_are_reached_by_the_identity_with_no_key_in_any_setting()
    {
        var settings = Settings();
        Assert.Equal("managedidentity", ArmObject.Literal(settings["AzureWebJobsStorage__credential"]));
        Assert.Equal("parameters('identityClientId')", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("parameters('identityClientId')", settings["ManagedIdentityClientId"]);
        Assert.Equal("parameters('blobEndpoint')", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("parameters('tableEndpoint')", settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.Equal("format('ClientId={0};Authorization=AAD', parameters('identityClientId'))", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.StartsWith("format('@Microsoft.KeyVault(VaultName={0};SecretName=google-service-account-key)'", settings["GoogleServiceAccountKey"], StringComparison.Ordinal);
        Assert.Contains("defaultHostName", settings["PublicBaseUrl"], StringComparison.Ordinal);

        // Flex Consumption has no WEBSITE_TIME_ZONE (timers run in UTC) and takes its runtime from functionAppConfig.
        var text = Main.ToJsonString();
        Assert.DoesNotContain("WEBSITE_TIME_ZONE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'AzureWebJobsStorage'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.Ordinal);
        Assert.All(settings, s => Assert.DoesNotContain("InstrumentationKey=", s.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_setting_a_timer_names_is_set_so_the_host_can_index_its_functions()
    {
        // functions.metadata is what the Functions host reads: a %Setting% it cannot resolve stops the app.
        var metadata = Repository.PathOf("functions", "Functions", "bin", Configuration, "net10.0", "functions.metadata");
        var named = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(metadata), "%([A-Za-z0-9_]+)%").Select(m => m.Groups[1].Value).Distinct().Order().ToList();
        Assert.NotEmpty(named);

        var settings = Settings();
        Assert.All(named, name => Assert.True(settings.ContainsKey(name), $"%{name}% is used by a trigger but infra/modules/functionapp.bicep does not set it"));
        Assert.All(named, name => Assert.Matches("^([0-9*/,-]+ ){5}[0-9*/,-]+$", ArmObject.Literal(settings[name]) ?? ""));
    }

    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    [Fact]
    public void The_identity_holds_data_roles_instead_of_keys_each_assignment_named_by_guid()
    {
        var assignments = Templates.OfType(Main, "Microsoft.Authorization/roleAssignments").ToList();
        Assert.All(assignments, a => Assert.StartsWith("[guid(", (string?)a["name"], StringComparison.Ordinal));
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]));

        var roles = Templates.AllTemplates(Main).SelectMany(t => t["variables"]?.AsObject() ?? []).ToList();
        string Role(string name) => (string)roles.Select(v => v.Value is JsonObject o ? o[name] : null).First(v => v is not null)!;
        var required = new Dictionary<string, string>
        {
            ["Storage Blob Data Owner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
            ["Storage Table Data Contributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
            ["Monitoring Metrics Publisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
        };
        Assert.Equal(required["Storage Blob Data Owner"], Role("storageBlobDataOwner"));
        Assert.Equal(required["Storage Table Data Contributor"], Role("storageTableDataContributor"));
        Assert.Equal(required["Monitoring Metrics Publisher"], Role("monitoringMetricsPublisher"));
        Assert.Equal("4633458b-17de-408a-b874-0445c86b69e6", (string?)roles.Single(v => v.Key == "secretsUserRoleId").Value);
        var granted = assignments.Select(a => (string?)a["properties"]!["roleDefinitionId"]).ToList();
        Assert.Contains(granted, g => g!.Contains("storageBlobDataOwner", StringComparison.Ordinal));
        Assert.Contains(granted, g => g!.Contains("storageTableDataContributor", StringComparison.Ordinal));
        Assert.Contains(granted, g => g!.Contains("monitoringMetricsPublisher", StringComparison.Ordinal));
        Assert.Contains(granted, g => g!.Contains("secretsUserRoleId", StringComparison.Ordinal));
    }

    [Fact]
    public void Telemetry_goes_to_Application_Insights_on_Log_Analytics_with_local_auth_off()
    {
        var insights = Templates.Single(Main, "Microsoft.Insights/components")["properties"]!;
        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["WorkspaceResourceId"], StringComparison.Ordinal);
        Assert.True((bool)Templates.Single(Main, "Microsoft.OperationalInsights/workspaces")["properties"]!["features"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void The_vault_is_in_RBAC_mode_with_purge_protection()
    {
        var vault = Templates.Single(Main, "Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.Null(vault["accessPolicies"]);
    }

    [Fact]
    public void Every_parameter_and_output_of_every_template_has_a_description()
    {
        foreach (var template in Templates.AllTemplates(Main))
        {
            foreach (var section in new[] { "parameters", "outputs" })
            {
                foreach (var (name, value) in template[section]?.AsObject() ?? [])
                {
                    var description = (string?)value!["metadata"]?["description"];
                    Assert.False(string.IsNullOrWhiteSpace(description), $"{section} '{name}' has no @description");
                }
            }
        }
    }

    [Fact]
    public void Resource_names_come_from_uniqueString_and_the_environment()
    {
        Assert.StartsWith("[uniqueString(", (string?)Main["variables"]!["token"], StringComparison.Ordinal);
        var passedNames = Main["resources"]!.AsArray().OfType<JsonObject>()
            .Where(r => (string?)r["type"] == "Microsoft.Resources/deployments")
            .SelectMany(r => r["properties"]!["parameters"]!.AsObject())
            .Where(p => p.Key is "name" or "planName" or "appName" or "workspaceName" or "insightsName")
            .Select(p => (string?)p.Value!["value"])
            .ToList();
        Assert.NotEmpty(passedNames);
        Assert.All(passedNames, n => Assert.Matches("variables\\('(token|names)'\\)", n!));
        Assert.Contains("variables('token')", (string?)Templates.Single(Main, "Microsoft.ManagedIdentity/userAssignedIdentities")["name"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_output_carries_a_key_or_a_secret()
    {
        foreach (var template in Templates.AllTemplates(Main))
        {
            foreach (var (name, output) in template["outputs"]?.AsObject() ?? [])
            {
                var value = (string?)output!["value"] ?? "";
                Assert.DoesNotMatch("(?i)list[A-Za-z]*\\(|connectionstring|instrumentationkey|primarykey|secret\\b|password", value);
                Assert.NotEqual("securestring", ((string?)output["type"])?.ToLowerInvariant());
                Assert.DoesNotContain("secure", (string?)output["type"] ?? "", StringComparison.OrdinalIgnoreCase);
                Assert.False(name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("password", StringComparison.OrdinalIgnoreCase), name);
            }
        }
    }
}
