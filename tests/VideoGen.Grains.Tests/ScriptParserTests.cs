using System.Text;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Scripts;

namespace VideoGen.Grains.Tests;

public sealed class ScriptParserTests
{
    private static ParsedScript Parse(string script)
    {
        var outcome = ScriptParser.Parse(script);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value;
    }

    [Fact]
    public void Parse_BlocksSeparatedByBlankLines_BecomeSections()
    {
        var script = Parse("The sun rises. Birds sing.\n\n\nThe town wakes up.\r\nShops open!");

        Assert.Equal(["Section 1", "Section 2"], script.Sections.Select(s => s.Title));
        Assert.Equal(["The sun rises.", "Birds sing."], script.Sections[0].Sentences);
        Assert.Equal(["The town wakes up.", "Shops open!"], script.Sections[1].Sentences);
    }

    [Fact]
    public void Parse_HeadingLines_TitleTheirSections()
    {
        var script = Parse("An opening line.\n# Morning\nThe sun rises.\n\nBirds sing.\n## Evening \nThe sun sets.\n#\n");

        Assert.Equal(["Section 1", "Morning", "Evening"], script.Sections.Select(s => s.Title));
        Assert.Equal(["The sun rises.", "Birds sing."], script.Sections[1].Sentences);
        Assert.Equal(["The sun sets."], script.Sections[2].Sentences);
    }

    [Fact]
    public void Parse_HeadingWithoutText_IsDropped()
    {
        var script = Parse("# Empty\n# Full\nSomething happens.");

        Assert.Equal(["Full"], script.Sections.Select(s => s.Title));
    }

    public static TheoryData<string, string[]> Sentences => new()
    {
        { "Dr. Smith met Mr. Jones at 5 p.m. in the lab. They talked.", ["Dr. Smith met Mr. Jones at 5 p.m. in the lab.", "They talked."] },
        { "The rate rose to 3.5 percent. Then it fell to 2.75.", ["The rate rose to 3.5 percent.", "Then it fell to 2.75."] },
        { "J. R. R. Tolkien wrote it. Many read it.", ["J. R. R. Tolkien wrote it.", "Many read it."] },
        { "Bring tools, e.g. Hammers and nails. Then build.", ["Bring tools, e.g. Hammers and nails.", "Then build."] },
        { "Is it real?! Yes... It is.", ["Is it real?!", "Yes...", "It is."] },
        { "She said \"Stop!\" Then she left.", ["She said \"Stop!\"", "Then she left."] },
        { "It weighs approx. five kilos. Heavy.", ["It weighs approx. five kilos.", "Heavy."] },
        { "Visit example.com today. It is new", ["Visit example.com today.", "It is new"] },
        { "Room No. 5 is open. Come in.", ["Room No. 5 is open.", "Come in."] },
        { "A line\nthat wraps\n  over lines. Next one.", ["A line that wraps over lines.", "Next one."] },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Split_Narration_KeepsAbbreviationsAndNumbersWhole(string text, string[] expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(text));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t \n")]
    [InlineData(null)]
    public void Parse_EmptyScript_IsAValidationError(string? script)
    {
        var outcome = ScriptParser.Parse(script);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("script", ValidationErrorKind.Invalid), (error.Field, error.Kind));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Parse_OnlyPunctuation_IsAValidationError() =>
        Assert.False(ScriptParser.Parse("# Title\n...\n!!!").Succeeded);

    [Fact]
    public void Parse_ScriptOverTheSizeLimit_IsTooLarge()
    {
        var script = new string('a', ScriptParser.MaxScriptLength + 1);

        var error = Assert.Single(ScriptParser.Parse(script).Errors);

        Assert.Equal(ValidationErrorKind.TooLarge, error.Kind);
        Assert.Contains("200,000", error.Message);
    }

    [Fact]
    public void Parse_ScriptAtTheSizeLimit_IsAccepted()
    {
        var builder = new StringBuilder();
        const string sentence = "A long story goes on and on, past the hills and the rivers and the towns, and never seems to end at all, not even when the night falls. ";
        while (builder.Length + sentence.Length <= ScriptParser.MaxScriptLength) builder.Append(sentence);

        Assert.True(ScriptParser.Parse(builder.ToString()).Succeeded);
    }

    [Fact]
    public void Parse_MoreSentencesThanAllowed_IsTooLarge()
    {
        var script = string.Concat(Enumerable.Repeat("Go. ", ScriptParser.MaxSentences + 1));

        var error = Assert.Single(ScriptParser.Parse(script).Errors);

        Assert.Equal(ValidationErrorKind.TooLarge, error.Kind);
        Assert.Contains("2,000 sentences", error.Message);
    }

    [Fact]
    public void Parse_ExactlyTheSentenceLimit_IsAccepted() =>
        Assert.Equal(ScriptParser.MaxSentences, Parse(string.Concat(Enumerable.Repeat("Go. ", ScriptParser.MaxSentences))).SentenceCount);

    [Fact]
    public void Parse_SentenceLongerThanASentenceMayBe_IsAValidationError()
    {
        var script = string.Join(' ', Enumerable.Repeat("word", SentenceRules.MaxTextLength / 4));

        var error = Assert.Single(ScriptParser.Parse(script).Errors);

        Assert.Contains("Add full stops", error.Message);
    }
}
