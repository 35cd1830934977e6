using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BrandHub.Modules.Platform.Observability;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, HttpClient and BrandHub's own sources, exported over OTLP
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>BrandHub:Telemetry:OtlpEndpoint</c>) is set.
/// </summary>
public static class Telemetry
{
    public const string SourceName = "BrandHub";
    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(SourceName);
    public static readonly Counter<long> ContactsImported = Meter.CreateCounter<long>("brandhub.contacts.imported", description: "Contact rows imported");

    public static IServiceCollection AddBrandHubTelemetry(this IServiceCollection services, IConfiguration config)
    {
        var endpoint = config["BrandHub:Telemetry:OtlpEndpoint"] ?? config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return services;
        var resource = ResourceBuilder.CreateDefault().AddService("brandhub");
        var tracer = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource)
            .AddSource(SourceName, "Microsoft.AspNetCore", "System.Net.Http", "Npgsql")
            .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)).Build();
        var meter = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource)
            .AddMeter(SourceName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "Npgsql")
            .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)).Build();
        services.AddSingleton(tracer!);
        services.AddSingleton(meter!);
        return services;
    }
}
