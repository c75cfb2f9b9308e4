package org.preventcase.caseprocess;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * prevent.delivery-model: the delivery model of each authority by its code; an authority not named
 * has the police gateway model.
 */
@ConfigurationProperties(prefix = "prevent")
public record DeliveryModels(Map<String, DeliveryModel> deliveryModel) {

  public DeliveryModels {
    deliveryModel = deliveryModel == null ? Map.of() : Map.copyOf(deliveryModel);
  }

  public DeliveryModel of(String authorityCode) {
    return deliveryModel.getOrDefault(authorityCode, DeliveryModel.POLICE_GATEWAY);
  }
}
