using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using GraphQL.PersistedDocuments;

namespace DigitalInitiativer.Api.GraphQL.Transport;

/// <summary>
/// The operations the front-ends use, from docs/operations/*.graphql (built into the app), registered by the SHA-256
/// of their text: a request may send <c>documentId: "sha256:&lt;hex&gt;"</c> instead of the query (the GraphQL over
/// HTTP draft's persisted documents). With <c>GraphQL:OnlyTrustedDocuments</c>, these are the only operations the
/// API runs.
/// </summary>
public sealed class TrustedDocuments : IPersistedDocumentLoader
{
    private const string ResourcePrefix = "TrustedDocuments.";

    public TrustedDocuments()
    {
        var assembly = typeof(TrustedDocuments).Assembly;
        Documents = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .ToDictionary(text => IdOf(text), text => text);
    }

    /// <summary>Document id ("sha256:…") to document text.</summary>
    public IReadOnlyDictionary<string, string> Documents { get; }

    public static string IdOf(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Documents.GetValueOrDefault($"{documentIdPrefix}:{documentIdPayload}"));

    private static string Read(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
