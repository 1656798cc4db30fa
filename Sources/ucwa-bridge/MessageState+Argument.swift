import ArgumentParser
import LocalAPIModels

/// `list --state failed`: the API's state names are the values, and `--help` lists them.
extension MessageState: ExpressibleByArgument {}
