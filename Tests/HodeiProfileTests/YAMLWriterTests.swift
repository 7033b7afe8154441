import HodeiProfile
import Testing

/// `explain` and the profile exporter (HodeiProvision) both quote through `YAMLWriter.scalar`.
struct YAMLWriterTests {
    @Test(arguments: [
        ("plain-name_1.x", "plain-name_1.x"), ("y", "y"), ("n", "n"),
        ("yes", "\"yes\""), ("Off", "\"Off\""), ("unlimited", "\"unlimited\""), ("", "\"\""), ("~", "\"~\""),
        ("42", "\"42\""), ("1.5", "\"1.5\""), ("-x", "\"-x\""), (".x", "\".x\""),
        ("a b", "\"a b\""), ("say \"hi\"\\\n\t", #""say \"hi\"\\\n\t""#),
    ])
    func quotesOnlyWhatReadsBackAsSomethingElse(text: String, written: String) {
        #expect(YAMLWriter.scalar(text) == written)
    }

    @Test func quotesTheCallersExtraWordsInAnyCase() {
        #expect(YAMLWriter.scalar("Y", alsoQuoting: ["y", "n"]) == "\"Y\"")
        #expect(YAMLWriter.list(["a", "n", "1"], alsoQuoting: ["y", "n"]) == #"[a, "n", "1"]"#)
        #expect(YAMLWriter.list(["a", "n"]) == "[a, n]")
    }

    @Test func writesIndentedLinesAndAppendsBlocks() {
        var writer = YAMLWriter()
        writer.comment("head")
        writer.line(1, "key: value")
        var block = YAMLWriter()
        block.line(2, "- item")
        writer.append(block)
        #expect(writer.text == "# head\n  key: value\n    - item\n")
    }
}
