package dev.finessesignout.simulator;

import dev.finessesignout.model.ApiError;
import dev.finessesignout.model.ApiErrors;

/** What a simulated node answers: a status and an optional model object (written as XML). */
record Answer(int status, Object body) {

    static Answer of(int status, Object body) {
        return new Answer(status, body);
    }

    static Answer error(int status, String type, String message, String data) {
        return new Answer(status, new ApiErrors(new ApiError(type, message, data)));
    }
}
