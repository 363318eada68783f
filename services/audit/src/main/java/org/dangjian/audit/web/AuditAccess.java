package org.dangjian.audit.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.dangjian.audit.query.AuditScope;
import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.web.AggregateIds;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Who calls and what he may read; the checks of a stream's service and id. */
@Component
class AuditAccess {

    /** Auditors and discipline inspectors read integrity records; operators too (no content). */
    static final String INTEGRITY_READERS = "hasAnyRole('AUDITOR', 'DISCIPLINE_INSPECTOR', 'PLATFORM_OPERATOR')";
    static final String AUDITOR = "hasRole('AUDITOR')";
    /** The roles that read timelines, each within its scope ({@code AuditScope}); departments and operators read none. */
    static final String RECORD_READERS = "hasAnyRole('AUDITOR', 'DISCIPLINE_INSPECTOR', 'COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER')";
    static final String CHECKPOINT_SIGNERS = "hasAnyRole('AUDITOR', 'PLATFORM_OPERATOR')";
    static final int MAX_PAGE_SIZE = 200;

    private final MemberDirectoryReadModel directory;
    private final Set<String> services;

    AuditAccess(MemberDirectoryReadModel directory) {
        this.directory = directory;
        this.services = ServiceRegistry.load().services().stream().map(ServiceEntry::name).collect(Collectors.toUnmodifiableSet());
    }

    AuditScope scope() {
        return AuditScope.of(Caller.current(), directory);
    }

    /** A publishing service of the registry (400 {@code UNKNOWN_SERVICE} otherwise). */
    String service(String name) {
        if (name == null || !services.contains(name)) {
            throw RuleViolation.invalid("UNKNOWN_SERVICE", "There is no service {0}; the services are {1}", name == null ? "" : name,
                    services.stream().sorted().toList());
        }
        return name;
    }

    static String id(String name, String value) {
        return AggregateIds.canonical(name, value);
    }

    /** The caller's access token, to ask the services' stores as him. */
    static String bearerToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getTokenValue();
        }
        return null;
    }
}
