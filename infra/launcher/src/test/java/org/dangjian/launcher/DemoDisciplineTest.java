package org.dangjian.launcher;

import static org.dangjian.launcher.StandInAnswers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/**
 * The demo discipline records keep the service's order of steps (an inspection's rectification after its findings,
 * closed only once accepted; an inquiry answered after it was issued) and their days (nothing carried out or reported
 * in the future), and an interrupted load resumes after each record's last stored step, read from the lists.
 */
class DemoDisciplineTest {

    @Test
    void everyStepHappenedInThePastInTheServicesOrder() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        List<DemoDiscipline.Record> records = new DemoDiscipline("http://discipline.invalid", today).records();
        assertThat(records).hasSize(8);
        assertThat(records.stream().map(DemoDiscipline.Record::id).distinct()).hasSize(8);
        for (DemoDiscipline.Record record : records) {
            String previous = null;
            for (DemoDiscipline.Step step : record.steps()) {
                Object date = step.body().get("date");
                if (date != null) {
                    assertThat(LocalDate.parse((String) date)).as("%s %s", record.id(), step.path()).isBeforeOrEqualTo(today);
                    if (previous != null) {
                        assertThat((String) date).as("%s %s after the step before", record.id(), step.path()).isGreaterThanOrEqualTo(previous);
                    }
                    previous = (String) date;
                }
            }
        }
        List<String> rectified = records.stream().filter(r -> r.id().equals(DemoDiscipline.idOf("inspection-rectified"))).findFirst().orElseThrow()
                .steps().stream().map(s -> s.path().replaceFirst("^/inspections/[^/]+", "")).toList();
        assertThat(rectified).containsSubsequence("/findings", "/rectification-requirement", "/rectification-report", "/rectification-verification",
                "/rectification-report", "/rectification-verification", "/closing");
    }

    @Test
    void anInterruptedLoadResumesEachRecordAfterItsLastStoredStep() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 28);
        String rectified = DemoDiscipline.idOf("inspection-rectified");
        List<String> posted = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                // the rectified inspection's first five steps are stored (sequence 4); nothing else is there yet
                answer(exchange, 200, path.equals("/inspections") ? "{\"items\":[{\"id\":\"" + rectified + "\",\"sequence\":4}]}" : "{\"items\":[]}");
                return;
            }
            posted.add(path);
            answer(exchange, 200, "{\"sequence\":0}");
        });
        server.start();
        try {
            DemoDiscipline demo = new DemoDiscipline("http://127.0.0.1:" + server.getAddress().getPort(), today);
            int loaded = demo.loadIfMissing("token");
            assertThat(posted.stream().filter(p -> p.contains(rectified))).containsExactly("/inspections/" + rectified + "/rectification-report",
                    "/inspections/" + rectified + "/rectification-verification", "/inspections/" + rectified + "/rectification-report",
                    "/inspections/" + rectified + "/rectification-verification", "/inspections/" + rectified + "/closing");
            int requests = demo.records().stream().mapToInt(r -> r.steps().size()).sum();
            assertThat(posted).hasSize(requests - 5);
            assertThat(loaded).isEqualTo(8);
            assertThat(demo.refusals()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

}
