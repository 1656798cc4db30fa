/// How ``ConfigurationError/source`` names the sources that are not a file.
enum SourceName {
    static let commandLine = "command line"
    static let environment = "environment"
    static let credentialsDirectory = "credentials directory"
}
