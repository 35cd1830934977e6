using System.Text;
using BrandHub.Core.Email;

namespace BrandHub.Core.Tests.Email;

public class EncodedWordsTests
{
    [Fact]
    public void Plain_ascii_subjects_stay_readable()
    {
        EncodedWords.Unstructured("Your order #123 has shipped").ShouldBe(["Your", "order", "#123", "has", "shipped"]);
    }

    [Fact]
    public void Only_the_words_that_need_it_are_encoded()
    {
        var tokens = EncodedWords.Unstructured("Réduction de 20% cette semaine");

        tokens[0].ShouldStartWith("=?utf-8?");
        tokens.Skip(1).ShouldBe(["de", "20%", "cette", "semaine"]);
        MimeDecoding.DecodeHeader(string.Join(' ', tokens)).ShouldBe("Réduction de 20% cette semaine");
    }

    [Fact]
    public void Text_that_looks_like_an_encoded_word_is_encoded_so_it_reads_back_literally()
    {
        var tokens = EncodedWords.Unstructured("=?utf-8?Q?fake?=");
        MimeDecoding.DecodeHeader(string.Join(' ', tokens)).ShouldBe("=?utf-8?Q?fake?=");
    }

    [Fact]
    public void Line_breaks_cannot_inject_a_header()
    {
        var tokens = EncodedWords.Unstructured("Hello\r\nBcc: victim@example.com");
        tokens.ShouldAllBe(t => !t.Contains('\r') && !t.Contains('\n'));
        MimeDecoding.DecodeHeader(string.Join(' ', tokens)).ShouldBe("Hello Bcc: victim@example.com");
    }

    [Theory]
    [InlineData("Jane Doe", new[] { "Jane", "Doe" })]
    [InlineData("Doe, Jane", new[] { "\"Doe, Jane\"" })]
    [InlineData("The \"Best\" Shop", new[] { "\"The \\\"Best\\\" Shop\"" })]
    public void Ascii_display_names_are_atoms_or_a_quoted_string(string name, string[] expected) =>
        EncodedWords.Phrase(name).ShouldBe(expected);

    [Fact]
    public void Non_ascii_display_names_are_encoded_words()
    {
        var tokens = EncodedWords.Phrase("Ștefan Mărculescu");
        tokens.ShouldAllBe(t => t.StartsWith("=?utf-8?"));
        MimeDecoding.DecodeHeader(string.Join(' ', tokens)).ShouldBe("Ștefan Mărculescu");
    }

    [Fact]
    public void Random_text_round_trips_in_words_of_at_most_75_that_never_split_a_character()
    {
        var random = new Random(7);
        string[] alphabet = ["a", "B", " ", "é", "ț", "€", "😀", "漢字", "?", "=", "_", "\"", "x"];
        for (var run = 0; run < 500; run++)
        {
            var sb = new StringBuilder();
            var length = random.Next(1, 120);
            for (var i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            var text = sb.ToString();

            foreach (var tokens in new[] { EncodedWords.Unstructured(text, random.Next(20, 76)), EncodedWords.Phrase(text) })
            {
                foreach (var word in tokens.Where(t => t.StartsWith("=?utf-8?")))
                {
                    word.Length.ShouldBeLessThanOrEqualTo(EncodedWords.MaxLength);
                    MimeDecoding.IsValidUtf8(MimeDecoding.EncodedWordBytes(word)).ShouldBeTrue(word);
                }
                tokens.ShouldAllBe(t => t.All(c => c < 128));
            }
            MimeDecoding.DecodeHeader(string.Join(' ', EncodedWords.Unstructured(text))).ShouldBe(text);
        }
    }

    [Fact]
    public void The_first_encoded_word_fits_the_room_left_on_the_header_line()
    {
        var tokens = EncodedWords.Unstructured(new string('é', 40), firstLineRoom: 40);
        tokens[0].Length.ShouldBeLessThanOrEqualTo(40);
        tokens.Skip(1).ShouldAllBe(t => t.Length <= EncodedWords.MaxLength);
    }
}
