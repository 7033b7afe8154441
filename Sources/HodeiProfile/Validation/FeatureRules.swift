/// Fields that need a newer server than `servers.requires`.
enum FeatureRules {
    static func check(_ scope: FeatureCatalogue.Scope, keyPath path: String, subject: String, in profile: Profile, into collector: inout IssueCollector) {
        guard let requires = profile.servers.requires else { return }
        for feature in FeatureCatalogue.features where feature.scope == scope && feature.since > requires {
            let key = "\(path).\(feature.profileKey)"
            guard profile.locations[key] != nil else { continue }
            collector.error("feature-needs-newer-server", key,
                            "\(feature.profileKey) of \(subject) needs nats-server \(feature.since) but servers.requires is \(requires)",
                            hint: "raise servers.requires to \"\(feature.since)\" or remove \(feature.profileKey)")
        }
    }
}
