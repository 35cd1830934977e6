using System.Security.Cryptography;
using System.Text;
using BrandHub.Core.Audit;

namespace BrandHub.Core.Tests.Audit;

public class AuditChainTests
{
    private static readonly Guid Tenant = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly DateTimeOffset Start = new(2025, 3, 30, 3, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void A_freshly_built_chain_verifies()
    {
        var chain = BuildChain(5);

        AuditChain.Verify(chain).ShouldBe(new AuditVerification(true, 5, null, null));
        chain[0].PreviousHash.ShouldBe(AuditChain.GenesisHash);
        chain[1].PreviousHash.ShouldBe(chain[0].Hash);
    }

    [Fact]
    public void An_empty_chain_is_trivially_valid()
    {
        AuditChain.Verify([]).ShouldBe(new AuditVerification(true, 0, null, null));
    }

    [Fact]
    public void Hashes_are_lowercase_hex_sha256()
    {
        var link = BuildChain(1)[0];
        link.Hash.Length.ShouldBe(64);
        link.Hash.ShouldMatch("^[0-9a-f]{64}$");
        link.Link.PayloadDigest.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void The_documented_encoding_reproduces_the_hash_offline()
    {
        // Re-implements the XML-documented encoding independently, as an operator verifying an export would.
        var link = new AuditLink(42, Tenant, new DateTimeOffset(2025, 3, 30, 4, 0, 0, TimeSpan.FromHours(3)),
            "user:7", "contact.updated", "contact", "c-123", AuditChain.PayloadDigest("{\"a\":1}", null));
        var previous = new string('a', 64);

        var expected = Sha256(
            "brandhub.audit.link.v1", previous, "42", "0f8fad5b-d9cb-469f-a165-70867728950e",
            "2025-03-30T01:00:00.0000000Z", "user:7", "contact.updated", "contact", "c-123", link.PayloadDigest);

        AuditChain.ComputeHash(previous, link).ShouldBe(expected);
        AuditChain.PayloadDigest("{\"a\":1}", null).ShouldBe(Sha256("brandhub.audit.payload.v1", "{\"a\":1}", null));
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_offset_the_time_was_recorded_in()
    {
        var utc = BuildLink(1, Start.ToUniversalTime());
        var local = utc with { OccurredAt = Start };
        AuditChain.ComputeHash(AuditChain.GenesisHash, utc).ShouldBe(AuditChain.ComputeHash(AuditChain.GenesisHash, local));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(null, "")]
    [InlineData("ab", "c")]
    [InlineData("a", "bc")]
    [InlineData("{\"email\":\"ana@example.ro\"}", null)]
    [InlineData(null, "{\"email\":\"ana@example.ro\"}")]
    public void Payload_digests_are_unambiguous(string? before, string? after)
    {
        // Every row must differ from every other row: null vs empty, and moving text between fields.
        var all = new (string?, string?)[]
        {
            (null, null), ("", null), (null, ""), ("ab", "c"), ("a", "bc"),
            ("{\"email\":\"ana@example.ro\"}", null), (null, "{\"email\":\"ana@example.ro\"}"),
        };
        var digest = AuditChain.PayloadDigest(before, after);
        all.Count(p => AuditChain.PayloadDigest(p.Item1, p.Item2) == digest).ShouldBe(1);
    }

    public static TheoryData<string, Func<AuditLink, AuditLink>> FieldTampering => new()
    {
        { "tenant", l => l with { TenantId = Guid.Parse("11111111-1111-1111-1111-111111111111") } },
        { "occurred at", l => l with { OccurredAt = l.OccurredAt.AddTicks(1) } },
        { "actor", l => l with { Actor = "user:evil" } },
        { "action", l => l with { Action = "contact.viewed" } },
        { "entity type", l => l with { EntityType = "consent" } },
        { "entity id", l => l with { EntityId = l.EntityId + "x" } },
        { "payload digest", l => l with { PayloadDigest = AuditChain.PayloadDigest("{}", "{}") } },
    };

    [Theory]
    [MemberData(nameof(FieldTampering))]
    public void Tampering_with_any_field_is_detected_at_that_link(string field, Func<AuditLink, AuditLink> tamper)
    {
        for (var target = 1; target <= 6; target++)
        {
            var chain = BuildChain(6);
            var victim = chain[target - 1];
            chain[target - 1] = victim with { Link = tamper(victim.Link) };

            var result = AuditChain.Verify(chain);

            result.Valid.ShouldBeFalse(field);
            result.FirstBrokenSequence.ShouldBe(target, field);
            result.Checked.ShouldBe(target - 1);
            result.Reason.ShouldNotBeNull().ShouldContain(field == "tenant" && target > 1 ? "tenant" : "altered");
        }
    }

    [Fact]
    public void Rehashing_a_tampered_link_breaks_the_next_link()
    {
        var chain = BuildChain(5);
        var forged = chain[2].Link with { Actor = "user:evil" };
        chain[2] = AuditChain.Seal(chain[2].PreviousHash, forged);

        var result = AuditChain.Verify(chain);

        result.FirstBrokenSequence.ShouldBe(4);
        result.Reason.ShouldNotBeNull().ShouldContain("Previous hash of sequence 4");
    }

    [Fact]
    public void Tampering_with_a_stored_hash_is_detected()
    {
        var chain = BuildChain(4);
        chain[1] = chain[1] with { Hash = new string('f', 64) };

        AuditChain.Verify(chain).FirstBrokenSequence.ShouldBe(2);
    }

    [Fact]
    public void Changing_a_previous_hash_is_detected()
    {
        var chain = BuildChain(4);
        chain[2] = chain[2] with { PreviousHash = chain[0].Hash };

        var result = AuditChain.Verify(chain);

        result.FirstBrokenSequence.ShouldBe(3);
        result.Reason.ShouldNotBeNull().ShouldContain("does not match the hash of sequence 2");
    }

    [Fact]
    public void A_chain_not_starting_from_genesis_is_detected()
    {
        var chain = BuildChain(3);
        chain[0] = AuditChain.Seal(new string('1', 64), chain[0].Link);

        var result = AuditChain.Verify(chain);

        result.FirstBrokenSequence.ShouldBe(1);
        result.Reason.ShouldNotBeNull().ShouldContain("genesis");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Removing_a_link_is_reported_at_the_missing_sequence(int removed)
    {
        var chain = BuildChain(6);
        chain.RemoveAt(removed - 1);

        var result = AuditChain.Verify(chain);

        result.Valid.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(removed);
        result.Checked.ShouldBe(removed - 1);
        result.Reason.ShouldNotBeNull().ShouldContain("gap");
    }

    [Fact]
    public void Reordering_links_is_detected_at_the_first_displaced_sequence()
    {
        var chain = BuildChain(6);
        (chain[2], chain[3]) = (chain[3], chain[2]);

        var result = AuditChain.Verify(chain);

        result.FirstBrokenSequence.ShouldBe(3);
    }

    [Fact]
    public void A_duplicated_link_is_detected()
    {
        var chain = BuildChain(4);
        chain.Insert(2, chain[1]);

        var result = AuditChain.Verify(chain);

        result.FirstBrokenSequence.ShouldBe(3);
        result.Reason.ShouldNotBeNull().ShouldContain("out of order");
    }

    [Fact]
    public void Renumbering_after_a_deletion_is_detected()
    {
        // An attacker deletes link 3 and renumbers the rest without re-hashing.
        var chain = BuildChain(5);
        chain.RemoveAt(2);
        for (var i = 2; i < chain.Count; i++)
        {
            chain[i] = chain[i] with { Link = chain[i].Link with { Sequence = i + 1 } };
        }

        AuditChain.Verify(chain).FirstBrokenSequence.ShouldBe(3);
    }

    [Fact]
    public void Erasing_the_personal_payload_but_keeping_its_digest_still_verifies()
    {
        // The payloads live beside the chain; a GDPR erasure deletes them but leaves the digests.
        var payloads = new Dictionary<long, (string? Before, string? After)>();
        var chain = new List<ChainedAuditLink>();
        var previous = AuditChain.GenesisHash;
        for (var sequence = 1L; sequence <= 4; sequence++)
        {
            var payload = ((string?)null, (string?)$"{{\"email\":\"ana{sequence}@example.ro\",\"phone\":\"+4072123456{sequence}\"}}");
            payloads[sequence] = payload;
            var sealedLink = AuditChain.Seal(previous, BuildLink(sequence, Start.AddMinutes(sequence)) with
            {
                PayloadDigest = AuditChain.PayloadDigest(payload.Item1, payload.Item2),
            });
            chain.Add(sealedLink);
            previous = sealedLink.Hash;
        }

        payloads.Clear(); // erasure: nothing personal is left

        AuditChain.Verify(chain).Valid.ShouldBeTrue();
        chain.ShouldAllBe(l => !l.Link.Actor.Contains('@') && !l.Link.EntityId.Contains('@'));
    }

    [Fact]
    public void Random_chains_verify_and_any_single_corruption_is_pinpointed()
    {
        // Property: for random chains, the intact chain verifies, and corrupting one random link in one of
        // several ways is reported at exactly that link (or, for a re-sealed forgery, the link after it).
        var random = new Random(31337);
        for (var run = 0; run < 200; run++)
        {
            var length = random.Next(1, 30);
            var chain = BuildChain(length, random);
            AuditChain.Verify(chain).ShouldBe(new AuditVerification(true, length, null, null));

            var target = random.Next(length);
            var expectedBreak = target + 1L;
            var victim = chain[target];
            switch (random.Next(5))
            {
                case 0:
                    chain[target] = victim with { Link = victim.Link with { EntityId = victim.Link.EntityId + "!" } };
                    break;
                case 1:
                    chain[target] = victim with { Hash = Flip(victim.Hash) };
                    break;
                case 2:
                    chain[target] = victim with { PreviousHash = Flip(victim.PreviousHash) };
                    break;
                case 3:
                    chain.RemoveAt(target);
                    if (target == length - 1)
                    {
                        // Truncating the newest link leaves a shorter valid chain: a documented limitation.
                        AuditChain.Verify(chain).ShouldBe(new AuditVerification(true, length - 1, null, null));
                        continue;
                    }

                    break;
                default:
                    chain[target] = AuditChain.Seal(victim.PreviousHash, victim.Link with { OccurredAt = victim.Link.OccurredAt.AddSeconds(1) });
                    if (target == length - 1)
                    {
                        continue; // a re-sealed newest link is indistinguishable without an external anchor
                    }

                    expectedBreak = target + 2;
                    break;
            }

            var result = AuditChain.Verify(chain);
            result.Valid.ShouldBeFalse($"run {run}");
            result.FirstBrokenSequence.ShouldBe(expectedBreak, $"run {run}");
            result.Checked.ShouldBe(expectedBreak - 1);
        }
    }

    private static List<ChainedAuditLink> BuildChain(int length, Random? random = null)
    {
        random ??= new Random(1);
        string[] actors = ["user:1", "user:2", "apikey:crm", "system"];
        string[] actions = ["contact.created", "contact.updated", "consent.changed", "contact.merged", "contact.erased"];
        var chain = new List<ChainedAuditLink>();
        var previous = AuditChain.GenesisHash;
        for (var sequence = 1L; sequence <= length; sequence++)
        {
            var link = new AuditLink(
                sequence,
                Tenant,
                Start.AddSeconds(random.Next(0, 1_000_000)).AddTicks(random.Next()),
                actors[random.Next(actors.Length)],
                actions[random.Next(actions.Length)],
                "contact",
                Guid.NewGuid().ToString(),
                AuditChain.PayloadDigest(random.Next(2) == 0 ? null : "{\"n\":" + random.Next() + "}", "{\"n\":" + random.Next() + "}"));
            var sealedLink = AuditChain.Seal(previous, link);
            chain.Add(sealedLink);
            previous = sealedLink.Hash;
        }

        return chain;
    }

    private static AuditLink BuildLink(long sequence, DateTimeOffset at) =>
        new(sequence, Tenant, at, "user:1", "contact.updated", "contact", "c-" + sequence, AuditChain.PayloadDigest(null, "{}"));

    private static string Flip(string hash) => (hash[0] == '0' ? "1" : "0") + hash[1..];

    private static string Sha256(params string?[] fields)
    {
        var bytes = new List<byte>();
        foreach (var field in fields)
        {
            var data = field is null ? [] : Encoding.UTF8.GetBytes(field);
            var length = field is null ? -1 : data.Length;
            bytes.AddRange([(byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length]);
            bytes.AddRange(data);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }
}
