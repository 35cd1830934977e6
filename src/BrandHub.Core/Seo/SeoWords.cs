namespace BrandHub.Core.Seo;

/// <summary>Word lists the rules read by language (the primary subtag of the element's lang): generic link texts and slug stop words.</summary>
public static class SeoWords
{
    private static readonly Dictionary<string, HashSet<string>> GenericLinkTexts = new()
    {
        ["en"] = ["click here", "click", "here", "read more", "more", "learn more", "see more", "more info", "more information", "details", "link", "this link", "go", "continue", "this page"],
        ["ro"] = ["click aici", "apasă aici", "apasa aici", "aici", "citește mai mult", "citeste mai mult", "mai mult", "află mai multe", "afla mai multe", "detalii", "vezi mai mult", "vezi detalii", "link"],
        ["de"] = ["hier klicken", "klicken sie hier", "hier", "mehr", "weiterlesen", "mehr erfahren", "mehr lesen", "details", "link"],
        ["fr"] = ["cliquez ici", "cliquer ici", "ici", "plus", "en savoir plus", "lire la suite", "voir plus", "détails", "lien"],
        ["es"] = ["haga clic aquí", "haz clic aquí", "clic aquí", "aquí", "más", "leer más", "ver más", "más información", "detalles", "enlace"],
        ["it"] = ["clicca qui", "fai clic qui", "qui", "di più", "leggi di più", "leggi tutto", "scopri di più", "altro", "dettagli"],
        ["hu"] = ["kattints ide", "kattintson ide", "ide", "itt", "tovább", "bővebben", "részletek"],
    };

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "and", "the", "of", "for", "to", "in", "on", "at", "by", "with", "or", "is", "are", "from", "this", "that",
        "si", "de", "la", "cu", "pentru", "din", "in", "pe", "al", "ale", "un", "o", "sau", "care",
        "der", "die", "das", "und", "fur", "mit", "le", "les", "des", "et", "pour", "el", "los", "las", "y", "para", "il", "di", "e", "per",
    ];

    /// <summary>Whether the text, in that language (English when unknown), only says "click here", "read more" or the like.</summary>
    public static bool IsGenericLinkText(string text, string? language)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0) return false;
        var primary = language?.Split('-', '_')[0].ToLowerInvariant();
        var list = primary is not null && GenericLinkTexts.TryGetValue(primary, out var found) ? found : GenericLinkTexts["en"];
        return list.Contains(normalized);
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Lower case, whitespace collapsed, surrounding punctuation and arrows ("Read more »", "More…") dropped.</summary>
    private static string Normalize(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return collapsed.Trim(' ', '.', '…', '»', '›', '→', '>', '!', ':', '-', '–', '—', '(', ')', '[', ']');
    }
}
