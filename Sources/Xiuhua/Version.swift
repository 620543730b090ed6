public enum XiuhuaVersion { public static let current = "0.1.0" }
