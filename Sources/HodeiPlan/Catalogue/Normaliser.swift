/// Brings a config to the form the server would report, so that desired and actual compare field by field:
/// `_nats.*` metadata dropped, string sets sorted, "not set" values removed, server defaults filled in.
public enum Normaliser {
    public static func normalise(_ config: StreamConfig) -> [String: JSONValue] {
        normalise(config.fields, kind: .stream)
    }

    public static func normalise(_ config: ConsumerConfig) -> [String: JSONValue] {
        normalise(config.fields, kind: .consumer)
    }

    public static func normalise(_ fields: [String: JSONValue], kind: ResourceKind) -> [String: JSONValue] {
        let catalogue = FieldCatalogue.fields(for: kind)
        var out: [String: JSONValue] = [:]
        out.reserveCapacity(fields.count + 8)
        for (key, value) in fields {
            let cleaned = clean(value, comparison: catalogue[key]?.comparison ?? .exact)
            if !cleaned.isZero { out[key] = cleaned }
        }
        if kind == .consumer { applyConsumerRewrites(&out) }
        // Defaults in catalogue order: derived ones may read fields filled before them.
        let specs: [FieldSpec] = kind == .stream ? FieldCatalogue.streamFields : (kind == .consumer ? FieldCatalogue.consumerFields : [])
        for spec in specs where out[spec.key] == nil {
            let value: JSONValue?
            switch spec.defaultValue {
            case .unknown, .zero: value = nil
            case .value(let fixed): value = fixed
            case .derived(let compute): value = compute(out)
            }
            if let value, !value.isZero { out[spec.key] = clean(value, comparison: spec.comparison) }
        }
        return out
    }

    /// Removes the server's reserved metadata keys from a raw config (used for fingerprints and update bodies).
    public static func strippingReservedMetadata(_ fields: [String: JSONValue]) -> [String: JSONValue] {
        guard let metadata = fields["metadata"]?.objectValue else { return fields }
        var out = fields
        let kept = metadata.filter { !$0.key.hasPrefix(JetStreamReserved.metadataPrefix) }
        out["metadata"] = kept.isEmpty ? nil : .object(kept)
        return out
    }

    private static func clean(_ value: JSONValue, comparison: FieldComparison) -> JSONValue {
        switch comparison {
        case .exact:
            return value
        case .stringSet:
            guard let items = value.arrayValue else { return value }
            let strings = items.compactMap(\.stringValue)
            guard strings.count == items.count else { return value }
            return .array(Set(strings).sorted().map(JSONValue.string))
        case .metadata:
            guard let members = value.objectValue else { return value }
            return .object(members.filter { !$0.key.hasPrefix(JetStreamReserved.metadataPrefix) })
        }
    }

    /// Rewrites the server applies to consumers whatever was asked (observed on 2.9.10 and 2.15.1).
    private static func applyConsumerRewrites(_ out: inout [String: JSONValue]) {
        // A backoff overrides ack_wait with its first step.
        if let first = out["backoff"]?.arrayValue?.first, (out["ack_policy"]?.stringValue ?? "none") != "none" {
            out["ack_wait"] = first
        }
        // One filter in filter_subjects is the same as filter_subject.
        if let filters = out["filter_subjects"]?.arrayValue, filters.count == 1, out["filter_subject"] == nil {
            out["filter_subject"] = filters[0]
            out["filter_subjects"] = nil
        }
    }
}
