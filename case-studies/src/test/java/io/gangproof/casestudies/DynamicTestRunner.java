package io.gangproof.casestudies;

import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs the {@code @TestFactory} methods of one class the way JUnit would, in the current
 * working directory, for {@link RegressionProofExampleTest}: prints each test with its
 * outcome and exits 1 if any failed. (The JUnit launcher is not on gangproof's classpath.)
 */
public final class DynamicTestRunner {
    private static int passed;
    private static int skipped;
    private static int failed;

    private DynamicTestRunner() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object instance = constructor.newInstance();
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(TestFactory.class)) {
                m.setAccessible(true);
                try (Stream<?> nodes = (Stream<?>) m.invoke(instance)) {
                    nodes.forEach(n -> run((DynamicNode) n, ""));
                }
            }
        }
        System.out.println("passed " + passed + ", skipped " + skipped + ", failed " + failed);
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }

    private static void run(DynamicNode node, String prefix) {
        String name = prefix + node.getDisplayName();
        if (node instanceof DynamicContainer c) {
            c.getChildren().forEach(child -> run(child, name + " / "));
            return;
        }
        try {
            ((DynamicTest) node).getExecutable().execute();
            passed++;
            System.out.println("PASSED  " + name);
        } catch (TestAbortedException e) {
            skipped++;
            System.out.println("SKIPPED " + name + ": " + e.getMessage());
        } catch (Throwable e) {
            failed++;
            System.out.println("FAILED  " + name + ": " + e.getMessage());
        }
    }
}
