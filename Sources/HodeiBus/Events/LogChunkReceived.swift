import Foundation

/// Which output stream of a job a log chunk came from.
public enum LogStream: String, Sendable, Hashable, Codable {
    case stdout
    case stderr
}

/// A piece of a job's output. `data` is raw bytes (not necessarily UTF-8, may split a character),
/// base64 in JSON; `sequence` orders chunks of one job and stream, starting at 0.
public struct LogChunkReceived: Sendable, Hashable, Codable {
    public var jobId: String
    public var workerId: String?
    public var stream: LogStream
    public var sequence: UInt64
    public var data: Data

    public init(jobId: String, workerId: String? = nil, stream: LogStream, sequence: UInt64, data: Data) {
        self.jobId = jobId
        self.workerId = workerId
        self.stream = stream
        self.sequence = sequence
        self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case jobId = "job_id", workerId = "worker_id", stream, sequence, data
    }
}
