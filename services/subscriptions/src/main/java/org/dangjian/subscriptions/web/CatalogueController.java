package org.dangjian.subscriptions.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dangjian.contracts.PersonalData;
import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;
import org.dangjian.runtime.security.Roles;
import org.dangjian.subscriptions.command.Catalogue;
import org.dangjian.subscriptions.delivery.Masking;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What may be asked for (事件目录): every published event type, whether a department may be granted it, its personal fields. */
@RestController
@Tag(name = "事件目录 Catalogue")
class CatalogueController {

    private final Catalogue catalogue;
    /** The services' titles, from the service registry (服务注册表). */
    private final ServiceRegistry registry = ServiceRegistry.load();

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "事件目录 The catalogue", description = "Every published event type by service: grantable (false for a discipline case's "
            + "content, never delivered) and its personal fields with their kinds; and the kinds of personal data a grant names.")
    @GetMapping(path = "/catalogue", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Roles.SIGNED_IN)
    Map<String, Object> catalogue() {
        List<Map<String, Object>> types = catalogue.entries().stream().map(entry -> {
            Map<String, Object> type = new LinkedHashMap<>();
            Optional<ServiceEntry> service = registry.find(entry.service());
            type.put("type", entry.type());
            type.put("service", entry.service());
            type.put("serviceTitle", service.map(ServiceEntry::title).orElse(entry.service()));
            type.put("serviceTitleEn", service.map(ServiceEntry::titleEn).orElse(entry.service()));
            type.put("name", entry.record().getSimpleName());
            type.put("grantable", entry.grantable());
            type.put("personalData", Masking.personalFields(entry.record()).entrySet().stream()
                    .map(field -> Map.of("field", field.getKey(), "kind", field.getValue().name())).toList());
            return type;
        }).toList();
        List<Map<String, String>> kinds = Arrays.stream(PersonalData.Kind.values())
                .map(kind -> Map.of("kind", kind.name(), "title", kind.title(), "titleEn", kind.titleEn())).toList();
        return Map.of("eventTypes", types, "personalDataKinds", kinds);
    }
}
