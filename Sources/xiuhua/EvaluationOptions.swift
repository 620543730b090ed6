import ArgumentParser
import Foundation
import Xiuhua

/// `--evaluation-weights FILE`: the composite-score weights per period (JSON; format in
/// docs/EVALUATION.md). Without it the reference's weights apply.
struct EvaluationOptions: ParsableArguments {
    @Option(name: .customLong("evaluation-weights"), help: "考核权重文件 (evaluation weights, JSON per period).")
    var weightsFile: String?

    /// The flag's file, else `configured` (the configuration's
    /// `district.evaluation_weights_file`), else the reference's weights.
    func loadWeights(configured: String? = nil) throws -> EvaluationWeights {
        guard let weightsFile = weightsFile ?? configured else { return .standard }
        do {
            return try EvaluationWeights(json: Data(try readText(weightsFile, what: "考核权重").utf8))
        } catch let error as EvaluationWeightsError {
            throw CLIError("考核权重文件有误 (bad weights file) \(weightsFile): \(error.description)")
        }
    }
}
