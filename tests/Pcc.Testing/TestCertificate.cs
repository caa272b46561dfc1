using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pcc.Testing;

/// <summary>
/// A self-signed server certificate for <c>127.0.0.1</c> and <c>localhost</c>, made when a test starts and written as PEM
/// to a folder of its own (deleted on dispose); nothing is added to the machine's trust store. A child .NET process
/// trusts it when <see cref="Directory"/> is its <c>SSL_CERT_DIR</c> (read at start-up by the runtime's OpenSSL root
/// store on Linux); this process trusts it through <see cref="CreateHandler"/>.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, string directory)
    {
        Certificate = certificate;
        Directory = directory;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The folder holding only the certificate: an <c>SSL_CERT_DIR</c> for child processes.</summary>
    public string Directory { get; }

    public string CertificatePath => Path.Combine(Directory, "cert.pem");

    public string KeyPath => Path.Combine(Directory, "key.pem");

    public static TestCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var directory = System.IO.Directory.CreateTempSubdirectory("pcc-cert-").FullName;
        var made = new TestCertificate(certificate, directory);
        File.WriteAllText(made.CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(made.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return made;
    }

    /// <summary>
    /// An HTTP handler that accepts a server certificate the machine trusts or, with a valid name, exactly this one
    /// (the chain error a self-signed certificate outside the trust store raises, and no other).
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                errors == SslPolicyErrors.None
                || (errors == SslPolicyErrors.RemoteCertificateChainErrors && presented is not null
                    && presented.GetCertHashString() == Certificate.GetCertHashString()),
        },
    };

    public void Dispose()
    {
        Certificate.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
