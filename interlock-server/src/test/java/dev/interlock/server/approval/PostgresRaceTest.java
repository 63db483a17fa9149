package dev.interlock.server.approval;

import static dev.interlock.server.approval.Fixtures.AGENT;
import static dev.interlock.server.approval.Fixtures.BOB;
import static dev.interlock.server.approval.Fixtures.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Request;
import dev.interlock.server.storage.Database;
import dev.interlock.server.storage.TestPostgres;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers (two services on two connection pools) sharing one PostgreSQL database race for the same approval:
 * the compare-and-set updates and the partial unique index must let exactly one of them win.
 */
class PostgresRaceTest {

    private static final int THREADS = 16;

    private final Fixtures.TestClock clock = new Fixtures.TestClock();
    private Database first;
    private Database second;
    private List<ApprovalService> servers;
    private final Request request = Fixtures.deleteApi();
    private Decision decision;

    @BeforeEach
    void open() {
        String url = TestPostgres.freshDatabase();
        first = Database.postgresql(url);
        second = Database.postgresql(url);
        servers = List.of(new ApprovalService(first, clock), new ApprovalService(second, clock));
        decision = Fixtures.decide(Fixtures.SHIPPED, request, Effect.REQUIRE_APPROVAL);
    }

    @AfterEach
    void close() {
        if (first != null) { // null when there is no PostgreSQL and the test was skipped
            first.close();
            second.close();
        }
    }

    /** Runs {@code task(i)} on {@link #THREADS} threads released at once; returns each result or exception. */
    private <T> List<Object> race(java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Callable<T> work = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<Object> out = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                out.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                out.add(e.getCause());
            }
        }
        pool.shutdown();
        return out;
    }

    private String approvedApproval() {
        String id = servers.get(0).hold(request, decision, AGENT).approval().id();
        servers.get(1).view(id, BOB);
        clock.advance(Duration.ofSeconds(15));
        servers.get(1).approve(id, BOB, "", "api", Optional.empty());
        return id;
    }

    @Test
    void exactlyOneConsumerWinsAcrossServers() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = approvedApproval();
            List<Object> results = race(i -> () -> servers.get(i % 2).release(request, AGENT, "d-" + i));
            assertThat(results).allMatch(r -> r instanceof Release, "no errors: %s".formatted(results));
            assertThat(results).filteredOn(r -> r instanceof Release.Consumed).singleElement()
                    .satisfies(r -> assertThat(((Release.Consumed) r).approval().id()).isEqualTo(id));
            assertThat(servers.get(0).get(id)).get().extracting(Approval::state).isEqualTo(ApprovalState.CONSUMED);
        }
    }

    @Test
    void identicalHoldsRacingAcrossServersMakeOneApproval() throws Exception {
        List<Object> results = race(i -> () -> servers.get(i % 2).hold(request, decision, AGENT));
        assertThat(results).allMatch(r -> r instanceof HoldResult, "no errors: %s".formatted(results));
        assertThat(results).filteredOn(r -> ((HoldResult) r).created()).hasSize(1);
        assertThat(results).extracting(r -> ((HoldResult) r).approval().id()).containsOnly(
                ((HoldResult) results.getFirst()).approval().id());
        long rows = first.transaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM approvals")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void twoReviewersRacingOnACountOfOneResolveItOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            Request r = Fixtures.shell("kubectl delete deployment api -n payments", "race-" + round);
            String id = servers.get(0).hold(r, Fixtures.SHIPPED.decide(r), AGENT).approval().id();
            servers.get(0).view(id, BOB);
            servers.get(1).view(id, DAVE);
            clock.advance(Duration.ofSeconds(15));
            List<Object> results = race(i -> () -> servers.get(i % 2).approve(id, i % 2 == 0 ? BOB : DAVE, "", "api",
                    Optional.empty()));
            assertThat(results).filteredOn(x -> x instanceof ReviewResult).hasSize(1);
            assertThat(results).filteredOn(x -> !(x instanceof ReviewResult)).allSatisfy(x -> assertThat(x)
                    .isInstanceOfSatisfying(ApprovalException.class, e -> assertThat(e.kind()).isEqualTo(ApprovalException.Kind.CONFLICT)));
            assertThat(servers.get(1).get(id).orElseThrow().reviews()).hasSize(1);
        }
    }
}
