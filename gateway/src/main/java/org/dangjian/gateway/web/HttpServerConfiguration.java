package org.dangjian.gateway.web;

import io.netty.channel.ChannelPipeline;
import org.dangjian.gateway.problem.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/** The HTTP server (Reactor Netty): its own answers to requests it cannot decode are problem+json too. */
@Configuration(proxyBeanMethods = false)
public class HttpServerConfiguration {

    static final String HANDLER_NAME = "dangjian.decodingFailureProblems";

    /**
     * Adds a {@link DecodingFailureProblemHandler} to every HTTP/1.1 connection, right after the HTTP codec (so
     * before Reactor Netty's traffic handler, which answers decoding failures). The limits are Spring Boot's
     * ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size}); the defaults here
     * are Boot's.
     */
    @Bean
    NettyServerCustomizer decodingFailureProblems(ProblemResponses problems,
            @Value("${server.netty.max-initial-line-length:4KB}") DataSize requestLine,
            @Value("${server.max-http-request-header-size:8KB}") DataSize headers) {
        DecodingFailureProblemHandler.Limits limits = new DecodingFailureProblemHandler.Limits(
                RequestSizeLimitFilter.readable(requestLine), RequestSizeLimitFilter.readable(headers));
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new DecodingFailureProblemHandler(problems, limits));
            }
        });
    }
}
