using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using System.Reflection;
using System.Runtime.Loader;

namespace Broadsheet.Tests.Api;

/// <summary>
/// What a developer's first step makes of the served document: NSwag (a generator that knows
/// nothing of ASP.NET's) writes a C# client from it, and Roslyn compiles that. The client reads
/// answers strictly: a property the document does not name, a null where it says a value, a
/// required property missing or a string where it says a number all throw.
/// </summary>
public static class GeneratedClient
{
    public const string ClassName = "Generated.ContentApiClient";

    // Added to the generated client: NSwag calls this partial when it makes its serializer options.
    private const string Strictness = """
        #nullable enable
        using System.Linq;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        namespace Generated
        {
            public partial class ContentApiClient
            {
                static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
                {
                    settings.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
                    settings.RespectNullableAnnotations = true;
                    settings.NumberHandling = JsonNumberHandling.Strict;
                    settings.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { info =>
                    {
                        // NSwag gives open objects an AdditionalProperties bag, which would swallow a field the document does not name.
                        foreach (var bag in info.Properties.Where(p => p.IsExtensionData).ToList()) info.Properties.Remove(bag);
                        foreach (var p in info.Properties)
                            if (p.AttributeProvider?.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), false) == true) p.IsRequired = true;
                    } } };
                }
            }
        }
        """;

    public static async Task<(Type Client, string Code)> BuildAsync(string documentJson)
    {
        var document = await OpenApiDocument.FromJsonAsync(documentJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "ContentApiClient",
            GenerateClientInterfaces = false,
            InjectHttpClient = true,
            DisposeHttpClient = false,
            UseBaseUrl = true,
            GenerateBaseUrlProperty = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings =
            {
                Namespace = "Generated",
                JsonLibrary = CSharpJsonLibrary.SystemTextJson,
                GenerateNullableReferenceTypes = true,
                GenerateOptionalPropertiesAsNullable = true,
            },
        };
        var code = new CSharpClientGenerator(document, settings).GenerateFile();
        return (Compile(code).GetType(ClassName, throwOnError: true)!, code);
    }

    private static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create($"Generated{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(code), CSharpSyntaxTree.ParseText(Strictness)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var dll = new MemoryStream();
        var result = compilation.Emit(dll);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        errors.ShouldBeEmpty("the generated client does not compile");
        dll.Position = 0;
        return new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(dll);
    }

    /// <summary>Calls operationId's method with the named arguments (the rest null) and returns what the client deserialized.</summary>
    public static async Task<object?> CallAsync(object client, string operationId, IReadOnlyDictionary<string, object?> arguments)
    {
        var method = client.GetType().GetMethods()
            .Where(m => m.Name == operationId + "Async" && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken))
            .ShouldHaveSingleItem($"the generated client's method for {operationId}");
        var values = method.GetParameters().Select(p =>
            p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : arguments.TryGetValue(p.Name!, out var value) ? Convert(value, p.ParameterType)
            : p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null
                ? throw new ShouldAssertException($"{operationId} needs a value for its parameter {p.Name}")
                : null).ToArray();
        var task = (Task)method.Invoke(client, values)!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static object? Convert(object? value, Type type) =>
        value is null ? null : System.Convert.ChangeType(value, Nullable.GetUnderlyingType(type) ?? type, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A property of a deserialized object, by its C# name.</summary>
    public static object? Get(this object target, string property) =>
        (target.GetType().GetProperty(property) ?? throw new ShouldAssertException($"{target.GetType().Name} has no property {property}")).GetValue(target);
}
