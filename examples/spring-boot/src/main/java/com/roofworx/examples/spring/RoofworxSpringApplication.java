package com.roofworx.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The SDK in a Spring Boot app: {@code mvn -pl examples/spring-boot -am spring-boot:run} with the settings below. */
@SpringBootApplication
@EnableConfigurationProperties(RoofworxProperties.class)
public class RoofworxSpringApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoofworxSpringApplication.class, args);
    }
}
