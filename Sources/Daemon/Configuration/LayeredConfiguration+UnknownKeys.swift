extension LayeredConfiguration {
    /// Refuses the first key of the file that the daemon does not know, so that a misspelt key cannot pass
    /// silently. A known section may be left empty (`state:` alone) but may not hold a value of its own.
    ///
    /// Environment variables and flags are not checked: the process's environment and command line carry much
    /// else, and a name the daemon does not know is simply never looked up.
    func refuseUnknownFileKeys(file: String) async throws(ConfigurationError) {
        for key in fileKeys where !ConfigurationKeys.all.contains(key) {
            guard ConfigurationKeys.sections.contains(key) else {
                throw ConfigurationError(key: key, problem: unknownKeyProblem(key), source: file)
            }
            let value = try? await string(key)
            guard let value, ["", "~", "null"].contains(value.value) else {
                throw ConfigurationError(
                    key: key,
                    problem: "is a section: its keys go under it, it has no value of its own",
                    source: file
                )
            }
        }
    }

    private func unknownKeyProblem(_ key: String) -> String {
        let section = key.split(separator: ".").dropLast().joined(separator: ".")
        let siblings = ConfigurationKeys.all.union(ConfigurationKeys.sections)
            .filter { $0.hasPrefix(section + ".") && !$0.dropFirst(section.count + 1).contains(".") }
            .map { String($0.dropFirst(section.count + 1)) }
            .sorted()
        guard !section.isEmpty, ConfigurationKeys.sections.contains(section), !siblings.isEmpty else {
            let sections = ConfigurationKeys.sections.filter { !$0.contains(".") }.sorted()
            return "is not a configuration key; the sections are \(sections.joined(separator: ", "))"
        }
        return "is not a configuration key; the keys of \(section) are \(siblings.joined(separator: ", "))"
    }
}
