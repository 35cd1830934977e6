using System.Security.Cryptography;
using System.Text;
using BrandHub.Core.Email;

namespace BrandHub.Core.Tests.Email;

public class DkimSignerTests
{
    private static readonly DkimKeyPair Key = DkimKeys.Generate(1024);

    [Fact]
    public void Relaxed_canonicalisation_matches_the_example_of_RFC_6376_section_3_4_5()
    {
        RelaxedCanonicalization.Header("A: X").ShouldBe("a:X");
        RelaxedCanonicalization.Header("B : Y\t\r\n\tZ  ").ShouldBe("b:Y Z");
        Encoding.ASCII.GetString(RelaxedCanonicalization.Body(" C \r\nD \t E\r\n\r\n\r\n"u8)).ShouldBe(" C\r\nD E\r\n");
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("\r\n\r\n", "")]
    [InlineData("a", "a\r\n")]
    [InlineData("a  b\t\t\r\n", "a b\r\n")]
    [InlineData("\r\n\r\nx\r\n", "\r\n\r\nx\r\n")]
    public void Relaxed_body_canonicalisation(string body, string expected) =>
        Encoding.ASCII.GetString(RelaxedCanonicalization.Body(Encoding.ASCII.GetBytes(body))).ShouldBe(expected);

    [Fact]
    public void The_body_hash_is_the_sha256_of_the_relaxed_body()
    {
        var body = "Hello  world \r\n\r\n"u8.ToArray();
        RelaxedCanonicalization.BodyHash(body).ShouldBe(SHA256.HashData("Hello world\r\n"u8));
    }

    [Fact]
    public void The_signature_header_is_folded_lists_the_present_fields_and_verifies_with_the_published_key()
    {
        var message = MimeMessageWriter.ToBytes(new EmailMessage(
            new MailboxAddress("news@shop.example", "Shop"), new MailboxAddress("ana@example.com"), "Reducere de primăvară",
            DateTimeOffset.UnixEpoch, "Salut", "<p>Salut</p>", MessageId: "<m1@shop.example>",
            Headers: [new("List-Unsubscribe", "<https://shop.example/u/1>"), new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]));
        using var signer = new DkimSigner("shop.example", "bh1", Key.PrivateKeyPem);

        var header = signer.Sign(message, new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero));

        header.ShouldStartWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n\td=shop.example; s=bh1; t=1741046400;");
        header.ShouldEndWith("\r\n");
        header.TrimEnd().Split("\r\n").ShouldAllBe(l => l.Length <= 78);
        var tags = Tags(header);
        tags["h"].ShouldBe("from:to:subject:date:message-id:mime-version:content-type:list-unsubscribe:list-unsubscribe-post");
        Verify(header, message).ShouldBeTrue();
    }

    [Fact]
    public void Changing_the_subject_breaks_the_signature()
    {
        var message = MimeMessageWriter.ToBytes(new EmailMessage(new MailboxAddress("a@shop.example"), new MailboxAddress("b@example.com"),
            "Original", DateTimeOffset.UnixEpoch, "x", null, MessageId: "<m@shop.example>"));
        using var signer = new DkimSigner("shop.example", "s", Key.PrivateKeyPem);
        var header = signer.Sign(message, DateTimeOffset.UnixEpoch);

        var tampered = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(message).Replace("Subject: Original", "Subject: Changed"));

        Verify(header, tampered).ShouldBeFalse();
    }

    [Fact]
    public void Pkcs1_keys_are_accepted_and_bad_keys_rejected_at_construction()
    {
        using var rsa = RSA.Create(1024);
        using var _ = new DkimSigner("d.example", "s", rsa.ExportRSAPrivateKeyPem());
        Should.Throw<EmailFormatException>(() => new DkimSigner("d.example", "s", "not a key"));
        Should.Throw<EmailFormatException>(() => new DkimSigner("d.example", "s;x=1", Key.PrivateKeyPem));
    }

    [Fact]
    public void Generated_keys_publish_their_public_half_as_a_dkim_txt_record()
    {
        Key.PrivateKeyPem.ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        Key.DnsTxtRecord.ShouldStartWith("v=DKIM1; k=rsa; p=");
        DkimKeys.DnsTxtRecord(Key.PrivateKeyPem).ShouldBe(Key.DnsTxtRecord);
    }

    private static Dictionary<string, string> Tags(string header)
    {
        var value = header[(header.IndexOf(':') + 1)..].Replace("\r\n", "").Replace("\t", "").Replace(" ", "");
        return value.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    // A verifier written from RFC 6376 §6.1.3, sharing only the canonicalisation with the signer (which has its own tests).
    private static bool Verify(string signatureHeader, byte[] message)
    {
        var tags = Tags(signatureHeader);
        var raw = Encoding.UTF8.GetString(message);
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (Convert.ToBase64String(RelaxedCanonicalization.BodyHash(message.AsSpan(split + 4))) != tags["bh"]) return false;
        var fields = System.Text.RegularExpressions.Regex.Split(raw[..split], "\r\n(?![ \t])");
        var data = new StringBuilder();
        foreach (var name in tags["h"].Split(':'))
            data.Append(RelaxedCanonicalization.Header(fields.Last(f => f.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)))).Append("\r\n");
        var withoutB = signatureHeader.TrimEnd()[..(signatureHeader.IndexOf("b=", signatureHeader.IndexOf("bh=") + 3, StringComparison.Ordinal) + 2)];
        data.Append(RelaxedCanonicalization.Header(withoutB));
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(Key.DnsTxtRecord.Split("p=")[1]), out _);
        return rsa.VerifyData(Encoding.UTF8.GetBytes(data.ToString()), Convert.FromBase64String(tags["b"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
