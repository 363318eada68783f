package org.dangjian.runtime.web;

import java.util.Arrays;
import java.util.List;

import org.dangjian.runtime.text.TextRules;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as the client sent them, or refused (400 {@code MALFORMED_REQUEST}): nothing is guessed.
 *
 * <ul>
 *   <li>a key given twice, a second JSON value after the first, a property the endpoint does not know: refused;</li>
 *   <li>text is a JSON string: a number ({@code 123}, {@code 1e308}) or a boolean where text belongs is refused;</li>
 *   <li>an enum value is a JSON string spelling a constant exactly: no index ({@code 1}, {@code "1"}), no padding, no
 *       other case;</li>
 *   <li>numbers are not read from strings, floats not truncated to integers, {@code null} is no primitive;</li>
 *   <li>every string is normalised to Unicode NFC ({@link TextRules#normalise}).</li>
 * </ul>
 * The bytes themselves are checked to be well-formed UTF-8 first ({@link Utf8RequestBodies}).
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .addModule(new SimpleModule("dangjian-strict-input").setDeserializerModifier(new Modifier()));
    }

    private static final class Modifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                       ValueDeserializer<?> deserializer) {
            if (description.getBeanClass() == String.class) {
                return new NormalisedString(deserializer);
            }
            return deserializer;
        }

        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
            return new ExactEnum(type.getRawClass(), deserializer);
        }
    }

    /** Reads a string as the usual deserializer does (coercion rules included), then normalises it to NFC. */
    private static final class NormalisedString extends StdDeserializer<String> {
        private final ValueDeserializer<?> delegate;

        NormalisedString(ValueDeserializer<?> delegate) {
            super(String.class);
            this.delegate = delegate;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return TextRules.normalise((String) delegate.deserialize(parser, context));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** An enum constant spelled exactly by its name, as a JSON string. */
    private static final class ExactEnum extends StdDeserializer<Object> {
        private final List<String> names;
        private final ValueDeserializer<?> delegate;

        ExactEnum(Class<?> type, ValueDeserializer<?> delegate) {
            super(type);
            this.names = Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString();
            if (!names.contains(text)) {
                return context.handleWeirdStringValue(handledType(), text, "not one of %s", names);
            }
            return delegate.deserialize(parser, context);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Enum;
        }
    }
}
