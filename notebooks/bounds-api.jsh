// The bound calculator from JShell, without the command line.
// Run from the repository root (after ./hsgd has built the jar once):
//   jshell --class-path target/hsgd.jar notebooks/bounds-api.jsh
import org.hsgd.bounds.*;

// 64 workers in 8 groups, local period I = 4, global period G = 32 (iterations).
var hierarchy = Hierarchy.twoLevel(64, 8, 4, 32);
var constants = new ProblemConstants(1.0, 1.0, 10.0);           // L, sigma^2, Delta
var scenario = new Scenario(hierarchy, constants, Divergences.randomGrouping(hierarchy, 3.0));
var bound = ConvergenceBound.of(scenario);

long T = 100_000;
double gamma = bound.optimalStepSize(T);
System.out.printf("gamma_max = %.6g, optimal gamma = %.6g%n", bound.stepSizeLimit(), gamma);
System.out.println("terms at the optimum: " + bound.terms(gamma, T));
System.out.println("smallest T reaching 0.05: " + bound.smallestHorizon(0.05));

var sandwich = Sandwich.of(scenario);
System.out.printf("sandwich at own optima: %.6g <= %.6g <= %.6g (%s)%n",
    sandwich.lower().minimum(T), sandwich.hsgd().minimum(T), sandwich.upper().minimum(T),
    sandwich.holdsAtOptimum(T) ? "holds" : "fails");
/exit
