// Experiments and the checker from JShell, without the command line.
// Run from the repository root (after ./hsgd has built the jar once):
//   jshell --class-path target/hsgd.jar notebooks/experiment-api.jsh
import java.util.List;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.check.*;
import org.hsgd.experiment.*;
import org.hsgd.sim.RunSettings;
import org.hsgd.study.ExperimentJob;

// The non-convex quadratic with exact constants: 16 workers, 4 groups, I = 4, G = 16 iterations.
// (JShell reads a line that ends a statement as complete: chained calls end their lines with a dot.)
var problem = QuadraticSpec.builder(QuadraticSpec.geometricEigenvalues(20, 0.1, 1.0)).
    cosWeight(1.0).
    centers(new QuadraticSpec.Clustered(4, 8.0, 2.0)).
    initialPoint(List.of(3.0)).
    noiseVariance(0.1).
    build();
var spec = ExperimentSpec.builder(
        "from-jshell",
        problem,
        new Topology.Equal(Hierarchy.twoLevel(16, 4, 4, 16)),
        ExperimentSpec.runSettings(problem, 2000, 0.016)).  // T, gamma; time average over every t
    sandwich(true).                                         // local SGD at P = 4 and P = 16 beside it
    seeds(10).
    build();

// One call runs the three algorithms, checks them and writes the whole result folder (traces,
// tidy tables, the check's tables and documents, figures, manifests), as `hsgd check` does.
var out = java.nio.file.Path.of(System.getProperty("hsgd.notebook.out", "results/notebooks")).resolve("from-jshell");
var result = ExperimentJob.check(spec, CheckSettings.DEFAULT).run(out);
for (Run r : result.runs().subList(0, 3)) {
  System.out.printf("%-16s seed %d: final loss %.4f, mean |grad f(u_t)|^2 %.4f%n",
      r.variant().label(), r.seed(), r.trace().last().loss(), r.trace().meanGradNormSq());
}

CheckResult checks = result.check().orElseThrow();
for (Check c : checks.checks()) {
  System.out.println(c.name() + ": " + c.verdict().label() + " (" + c.detail() + ")");
}
checks.find(BoundValidityCheck.class).orElseThrow().rows().forEach(row -> System.out.printf(
    "bound validity, %s, %s: B = %.3f, measured %.4f (B / measured %.1f): %s%n",
    row.variant(), row.bound(), row.value(), row.measured(), row.ratio(), row.verdict().label()));
System.out.println("verdict: " + checks.verdict().label() + "; wrote " + result.written().size() + " files to " + out);
/exit
