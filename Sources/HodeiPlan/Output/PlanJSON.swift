import Foundation

/// The one JSON encoding of plans and plan files: sorted keys, pretty-printed, slashes unescaped, so the
/// output is byte-for-byte stable for the same plan (golden-tested; schema in docs/plan-format.md).
public enum PlanJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// `plan --format json`.
    public static func encode(_ plan: Plan) throws -> Data {
        var data = try encoder().encode(plan)
        data.append(0x0A)
        return data
    }

    /// `plan --out plan.json`.
    public static func encode(_ file: PlanFile) throws -> Data {
        var data = try encoder().encode(file)
        data.append(0x0A)
        return data
    }

    /// Reads a plan file; a wrong `format_version` fails with a message saying to re-run plan.
    public static func decodePlanFile(_ data: Data) throws -> PlanFile {
        try JSONDecoder().decode(PlanFile.self, from: data)
    }
}
