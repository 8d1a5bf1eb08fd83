package org.nodepoint.attack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sends the attack corpus into every query parameter and path parameter of the pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class PageAttackTest {
    private AttackServer server;

    @BeforeAll
    void startServer(@TempDir Path folder) {
        server = new AttackServer(AttackFixture.create(folder));
        List<AttackSurface.Target> targets = new ArrayList<>(AttackSurface.QUERIES);
        targets.addAll(AttackSurface.PATHS);
        server.runner.learnOwnMarkup(targets);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    Stream<AttackSurface.Field> queryParameters() {
        return AttackSurface.fieldsOf(AttackSurface.QUERIES).stream();
    }

    Stream<AttackSurface.Field> pathParameters() {
        return AttackSurface.fieldsOf(AttackSurface.PATHS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.SAME_THREAD)
    @MethodSource("queryParameters")
    void hostile_query_parameter_is_harmless(AttackSurface.Field field) {
        server.runner.attackAndCheck(field);
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.SAME_THREAD)
    @MethodSource("pathParameters")
    void hostile_path_parameter_is_harmless(AttackSurface.Field field) {
        server.runner.attackAndCheck(field);
    }
}
