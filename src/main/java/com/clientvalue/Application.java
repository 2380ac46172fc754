package com.clientvalue;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(
        title = "Client decisions",
        version = "0.1",
        description = "Decides how to treat each B2B client (cluster, actions) from client facts in MariaDB "
                + "and rule tables edited by business analysts; every decision is audited."))
public class Application {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(ValidateCommand.run(args, System.out, System.err));
        }
        Micronaut.run(Application.class, args);
    }
}
