package org.dangjian.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dangjian.infra.embedded.EmbeddedKafkaBroker;
import org.dangjian.infra.embedded.EmbeddedMongoServer;
import org.dangjian.registry.ServiceEntry;

/**
 * Runs the whole platform on its embedded default, with nothing installed but a JDK: the Mongo server (H2 file) and
 * the Kafka broker (KRaft) in this JVM, the identity provider, the gateway and every service of the service registry
 * (服务注册表) as child JVMs. Data lives in one directory and survives restarts. Ctrl-C stops everything, children
 * first.
 */
public final class Launcher {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration ARCHIVING_STOP_GRACE = Duration.ofSeconds(120);

    private final LaunchSettings settings;
    private final List<ChildApp> apps = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private EmbeddedMongoServer mongo;
    private EmbeddedKafkaBroker kafka;

    private final ClassDataSharing sharing;

    Launcher(LaunchSettings settings) {
        this.settings = settings;
        this.sharing = new ClassDataSharing(settings.classSharing(), Launcher::say);
    }

    public static void main(String[] args) throws Exception {
        LaunchSettings settings;
        try {
            settings = LaunchSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Launcher launcher = new Launcher(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "dangjian-stop"));
        try {
            launcher.start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("dangjian did not start: " + e.getMessage());
            System.exit(1);
        }
        launcher.awaitStop();
    }

    /**
     * Starts the platform as {@link #main} does, with the given environment in place of the process's (tests start it
     * on free ports and a temporary data directory this way). Returns once everything is ready.
     */
    public static Launcher start(Map<String, String> environment, String... args) throws Exception {
        Launcher launcher = new Launcher(LaunchSettings.from(args, environment));
        try {
            launcher.start();
        } catch (Exception | Error e) {
            launcher.stop();
            throw e;
        }
        return launcher;
    }

    public String gatewayUrl() {
        return settings.gatewayUrl();
    }

    public String issuer() {
        return settings.issuer();
    }

    /**
     * Where the registry's service of that name listens, directly rather than through the gateway, e.g.
     * {@code http://127.0.0.1:8081} for {@code organisation}.
     *
     * @throws IllegalArgumentException if the registry has no such service
     */
    public String serviceUrl(String name) {
        return settings.serviceUrl(name);
    }

    /** The embedded MongoDB's connection string (each service has its own database in it, named after the service). */
    public String mongoUri() {
        return settings.mongoUri();
    }

    /**
     * Kills one application at once (SIGKILL), as a crash would, for tests of crash safety. The launcher's watch
     * reports it stopped; {@link #restart} starts it again.
     */
    public void kill(String name) throws InterruptedException {
        app(name).kill();
    }

    /** Starts an application that was killed or stopped again, and returns once it is ready. */
    public void restart(String name) throws InterruptedException {
        ChildApp app = app(name);
        if (app.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        app.start();
        awaitReady(List.of(app), System.nanoTime());
    }

    private ChildApp app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No application named " + name + "; running: "
                        + apps.stream().map(ChildApp::name).toList()));
    }

    void start() throws Exception {
        long began = System.nanoTime();
        checkPortsFree();
        Files.createDirectories(settings.logs());
        say("Starting dangjian (智慧党建平台) with its data in " + settings.dataDir());

        mongo = EmbeddedMongoServer.onDisk(settings.dataDir().resolve("mongo"), settings.mongoPort());
        Map<String, String> common = settings.childEnvironment();
        // the identity provider and the gateway need neither Kafka nor Mongo: they start while the broker does
        List<ChildApp> waiting = new ArrayList<>();
        waiting.add(launch("identity-provider", "infra/identity-provider", settings.identityPort(), settings.identityEnvironment()));
        waiting.add(launch("gateway", "gateway", settings.gatewayPort(), common));
        kafka = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
        for (ServiceEntry service : settings.services()) {
            waiting.add(launch(service.name(), service.module(), settings.servicePort(service.name()), common));
        }

        awaitReady(waiting, began);
        if (settings.demoData()) {
            loadDemoData();
        }
        printBanner(Duration.ofNanos(System.nanoTime() - began));
        watchChildren();
    }

    /**
     * The demo data through the services' APIs, each part once per data directory ({@link DemoMarker}): the
     * organisation tree first; then, side by side, the 2022 work plan with its tasks (it needs only the tree) and the
     * members with their assessments followed by the organisational life and the discipline supervision (both name
     * members; they go side by side too); the committee's year of work last (terms name the branches' members, the
     * "五化" assessment reads the published "三会一课" compliance: {@link DemoOrganisationWork}).
     */
    private void loadDemoData() throws IOException, InterruptedException {
        DemoMarker marker = new DemoMarker(settings.dataDir());
        DemoOrganisation organisation = new DemoOrganisation(settings);
        if (!marker.loaded("organisation")) {
            int added = organisation.loadIfMissing();
            if (added > 0) {
                say("Loaded the demo organisation tree (" + added + " units)");
            }
            marker.markLoaded("organisation");
        }
        String token = organisation.token();
        java.util.concurrent.ExecutorService parts = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.concurrent.Future<?> plan = parts.submit(part(() -> loadDemoPlan(marker, token)));
            if (offered("members") && !marker.loaded("members")) {
                loadDemoMembers(marker, token);
            }
            java.util.concurrent.Future<?> activities = parts.submit(part(() -> loadDemoActivities(marker, token)));
            java.util.concurrent.Future<?> discipline = parts.submit(part(() -> loadDemoDiscipline(marker, token)));
            for (java.util.concurrent.Future<?> running : List.of(plan, activities, discipline)) {
                awaitPart(running);
            }
        } finally {
            parts.shutdownNow();
        }
        if (offered("members") && !marker.loaded(DemoOrganisationWork.WORK_PART)) {
            DemoOrganisationWork work = new DemoOrganisationWork(settings);
            int loaded = work.loadIfMissing(token);
            if (loaded > 0) {
                say("Loaded the demo organisation work (" + loaded + " terms and an election, assessment criteria and assessments, "
                        + "responsibility and task lists, 双述双评 reports)");
            }
            work.deferrals().forEach(deferral -> say("A demo organisation record is left for a later start: " + deferral));
            work.refusals().forEach(refusal -> say("A demo organisation record stays short, refused by the organisation service: " + refusal));
            if (work.refusals().isEmpty() && work.deferrals().isEmpty()) {
                marker.markLoaded(DemoOrganisationWork.WORK_PART);
            }
        }
        if (offered("subscriptions") && !marker.loaded("subscriptions")) {
            DemoSubscriptions demoSubscriptions = new DemoSubscriptions(settings);
            int loaded = demoSubscriptions.loadIfMissing(token);
            if (loaded > 0) {
                say("Loaded the demo subscriptions (人事部门: the way into the party by server-sent events, granted with names only; "
                        + "the sanctions' effect awaiting the committee's decision)");
            }
            demoSubscriptions.refusals().forEach(refusal -> say("A demo subscription stays short, refused by the subscriptions service: " + refusal));
            if (demoSubscriptions.refusals().isEmpty()) {
                marker.markLoaded("subscriptions");
            }
        }
    }

    /** A part of the demo load that may throw what the HTTP client throws. */
    private interface DemoPart {
        void load() throws IOException, InterruptedException;
    }

    private static java.util.concurrent.Callable<Void> part(DemoPart part) {
        return () -> {
            part.load();
            return null;
        };
    }

    private static void awaitPart(java.util.concurrent.Future<?> part) throws IOException, InterruptedException {
        try {
            part.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private boolean offered(String service) {
        return settings.services().stream().anyMatch(entry -> entry.name().equals(service));
    }

    private void loadDemoMembers(DemoMarker marker, String token) throws IOException, InterruptedException {
        DemoMembers demoMembers = new DemoMembers(settings);
        int members = demoMembers.loadIfMissing(token);
        if (members > 0) {
            say("Loaded the demo members (" + members + " at every stage of the way into the party)");
        }
        int assessments = demoMembers.loadAssessmentsIfMissing(token);
        if (assessments > 0) {
            say("Loaded the demo assessments (" + assessments + ")");
        }
        demoMembers.refusals().forEach(refusal -> say("A demo member stays short of his stage, refused by the members "
                + "service's rules (its configuration is stricter than the demo's dates): " + refusal));
        if (demoMembers.refusals().isEmpty()) {
            marker.markLoaded("members");
        }
    }

    private void loadDemoActivities(DemoMarker marker, String token) throws IOException, InterruptedException {
        if (!offered("activities") || marker.loaded("activities")) {
            return;
        }
        DemoActivities demoActivities = new DemoActivities(settings);
        int loaded = demoActivities.loadIfMissing(token);
        if (loaded > 0) {
            say("Loaded the demo organisational life (" + loaded + " activities, volunteer services and dual organisational lives of the last year)");
        }
        demoActivities.refusals().forEach(refusal -> say("A demo activity stays short, refused by the activities service's rules: " + refusal));
        if (demoActivities.refusals().isEmpty()) {
            marker.markLoaded("activities");
        }
    }

    private void loadDemoDiscipline(DemoMarker marker, String token) throws IOException, InterruptedException {
        if (!offered("discipline") || marker.loaded("discipline")) {
            return;
        }
        DemoDiscipline demoDiscipline = new DemoDiscipline(settings);
        int loaded = demoDiscipline.loadIfMissing(token);
        if (loaded > 0) {
            say("Loaded the demo discipline supervision (" + loaded + " inspections, talks and a selection supervision)");
        }
        demoDiscipline.refusals().forEach(refusal -> say("A demo discipline record stays short, refused by the discipline service's "
                + "rules: " + refusal));
        if (demoDiscipline.refusals().isEmpty()) {
            marker.markLoaded("discipline");
        }
    }

    private void loadDemoPlan(DemoMarker marker, String token) throws IOException, InterruptedException {
        if (marker.loaded(DemoOrganisationWork.PLAN_PART)) {
            return;
        }
        DemoOrganisationWork plan = new DemoOrganisationWork(settings);
        int loaded = plan.loadPlanIfMissing(token);
        if (loaded > 0) {
            say("Loaded the demo work plan (2022年党建工作要点 of the centre committee, from " + plan.planFile() + ", with its tasks: "
                    + loaded + " records)");
        }
        plan.deferrals().forEach(deferral -> say("The demo work plan was not loaded: " + deferral + "; looked in "
                + DemoOrganisationWork.workPlanCandidates(settings.home(), System.getenv())));
        plan.refusals().forEach(refusal -> say("A demo work plan record stays short, refused by the organisation service: " + refusal));
        if (plan.refusals().isEmpty() && plan.deferrals().isEmpty()) {
            marker.markLoaded(DemoOrganisationWork.PLAN_PART);
        }
    }

    private ChildApp launch(String name, String module, int port, Map<String, String> environment) {
        ChildApp app = new ChildApp(name, ChildApp.findJar(settings.home(), module), port, environment, settings.jvmOptions(), sharing,
                settings.logs().resolve(name + ".log"));
        app.start();
        apps.add(app);
        return app;
    }

    private void awaitReady(List<ChildApp> waiting, long began) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        List<ChildApp> pending = new ArrayList<>(waiting);
        while (!pending.isEmpty()) {
            for (ChildApp app : List.copyOf(pending)) {
                if (!app.isAlive()) {
                    throw new IllegalStateException(app.name() + " stopped while starting; the end of " + app.log() + ":"
                            + System.lineSeparator() + app.tail(30));
                }
                if (app.isReady()) {
                    say(String.format("%s is ready on port %d (%.1f s)", app.name(), app.port(), (System.nanoTime() - began) / 1e9));
                    pending.remove(app);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + STARTUP_TIMEOUT.toSeconds() + " s: " + pending.stream().map(ChildApp::name).toList()
                        + "; see " + settings.logs());
            }
            Thread.sleep(250);
        }
    }

    /** A child that dies later is reported; the others keep running. */
    private void watchChildren() {
        Thread watcher = new Thread(() -> {
            List<ChildApp> alive = new ArrayList<>(apps);
            while (!stopping.get() && !alive.isEmpty()) {
                for (ChildApp app : List.copyOf(alive)) {
                    if (!app.isAlive() && !stopping.get()) {
                        System.err.println("dangjian: " + app.name() + " stopped unexpectedly; see " + app.log());
                        alive.remove(app);
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "dangjian-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Stops the applications (gracefully, then forcibly), then the broker and the Mongo server. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        boolean archiving = apps.stream().anyMatch(ChildApp::archivesOnStop);
        say(archiving ? "Stopping… (the applications also write their class-data archives, for a quicker next start)" : "Stopping…");
        List<Thread> stoppers = new ArrayList<>();
        for (ChildApp app : apps) {
            // writing an archive takes seconds more, and all of them write at once on the machine's cores
            Duration grace = app.archivesOnStop() ? ARCHIVING_STOP_GRACE : STOP_GRACE;
            Thread stopper = new Thread(() -> app.stop(grace), "stop-" + app.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        say("Stopped. Data kept in " + settings.dataDir());
        stopped.countDown();
    }

    private void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private void checkPortsFree() {
        settings.ports().forEach((variable, port) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is in use (is dangjian already running?); choose another with " + variable);
            }
        });
    }

    private void printBanner(Duration took) {
        String line = "─".repeat(78);
        StringBuilder banner = new StringBuilder();
        banner.append(System.lineSeparator()).append(line).append(System.lineSeparator());
        banner.append(String.format(" 智慧党建平台 dangjian is ready (%.1f s)%n", took.toMillis() / 1000.0));
        banner.append(line).append(System.lineSeparator());
        banner.append(String.format(" Web client and API      %s%n", settings.gatewayUrl()));
        for (ServiceEntry service : settings.services()) {
            // the service's OpenAPI document lists its whole API; the Chinese name goes last, where its width cannot
            // break the columns
            banner.append(String.format(" %-23s %s%s/v3/api-docs (OpenAPI) %s%n", service.titleEn() + " API", settings.gatewayUrl(),
                    service.apiPrefix(), service.title()));
        }
        banner.append(String.format(" Identity provider       %s%s%n", settings.issuer(),
                settings.demo() ? " (sign-in page lists the demo accounts)" : " (demo mode off: no demo accounts)"));
        banner.append(String.format(" Kafka (embedded)        %s    MongoDB (embedded)  %s%n", settings.kafka(), settings.mongoUri()));
        banner.append(String.format(" Data                    %s%n", settings.dataDir()));
        banner.append(String.format(" Logs                    %s%n", settings.logs()));
        banner.append(line).append(System.lineSeparator());
        if (settings.demo()) {
            banner.append(" Demo logins (password: dangjian)").append(System.lineSeparator());
            banner.append("   dangwei   党委工作人员 committee staff        shuji     支部书记 branch secretary").append(System.lineSeparator());
            banner.append("   dangyuan  党员 party member                   jijian    纪检干部 discipline inspector").append(System.lineSeparator());
            banner.append("   shenji    审计/巡察 auditor                   yunwei    平台运维 platform operator").append(System.lineSeparator());
            banner.append(" API token: infra/scripts/token.sh dangwei").append(System.lineSeparator());
            banner.append(line).append(System.lineSeparator());
        }
        banner.append(" Ctrl-C stops everything; the data stays.").append(System.lineSeparator());
        System.out.print(banner);
        System.out.flush();
    }

    private static void say(String message) {
        System.out.println("dangjian: " + message);
        System.out.flush();
    }
}
